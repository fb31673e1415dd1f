using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Storage;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Commitment filters; every one optional. <c>Status</c> and <c>Overdue</c> are judged on today's date.</summary>
public sealed record CommitmentFilter(Guid? Partner, string? FocusArea, string? Status, bool? Overdue, Guid? Memorandum);

/// <summary>Commitments: all for office and auditors, the ones its organisation owns for a partner.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record ListCommitmentsRequest(Caller Caller, CommitmentFilter Filter, PageRequest? Page = null) : IRead<ListPage<CommitmentLine>>;

public sealed class ListCommitmentsHandler(IViewQueries queries, TimeProvider time) : IQueryHandler<ListCommitmentsRequest, QueryOutcome<ListPage<CommitmentLine>>>
{
    /// <summary>Earliest due date first (the default), or by the day the commitment was proposed.</summary>
    public static ListSorts Sorts { get; } = new("commitments", "dueDate", new Dictionary<string, string> { ["dueDate"] = "dueDate", ["proposedOn"] = "proposedOn" });

    public async ValueTask<QueryOutcome<ListPage<CommitmentLine>>> Handle(ListCommitmentsRequest request, CancellationToken cancellationToken)
    {
        if (CommitmentListInput.Read(request.Filter.FocusArea, request.Filter.Status, request.Page, Sorts, out var refused) is not { } input)
        {
            return refused!;
        }

        var (area, status, paging) = input;

        var today = DistrictTime.Today(time);
        var filter = request.Filter;
        var filters = new List<ViewFilter>();
        if (filter.Partner is { } partner)
        {
            // Sought through an index led by the owner: a partner's commitments are a small part of the district's.
            filters.Add(ViewFilter.Equal("owner", partner.ToString("D")));
        }

        if (filter.Memorandum is { } memorandum)
        {
            filters.Add(ViewFilter.AnyOf("memorandum", memorandum.ToString("D")));
        }

        if (area is { } a)
        {
            filters.Add(ViewFilter.AnyOf("focusArea", a.ToString()));
        }

        filters.AddRange(CommitmentDayFilters.For(status, request.Filter.Overdue, today, ""));

        // Read from the commitments' lines: scoped like their details, and a few hundred bytes each where a detail holds every report.
        var page = await queries.ReadAsync(request.Caller, ViewNames.MemorandumLine, paging, filters, c => ViewDocuments.Typed<MemorandumLine>(c).On(today), cancellationToken);
        return QueryOutcome<ListPage<CommitmentLine>>.Of(page);
    }
}
