using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Domain.Calendar;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.Storage;
using Collaboration.Projections.TalentCaseQueue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// Talent-case queue filters; every one optional. <c>Status</c> is one <see cref="TalentCaseStatus"/> name or several
/// separated by commas; <c>Department</c> and <c>Officer</c> match exactly; <c>Partner</c> is the referring partner.
/// </summary>
public sealed record TalentCaseFilter(string? Status, string? Department, string? Officer, Guid? Partner = null);

/// <summary>The queue: all cases for office and auditors, the cases it referred for a partner; observers see none.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record ListTalentCasesRequest(Caller Caller, TalentCaseFilter Filter, PageRequest? Page = null) : IRead<ListPage<TalentCaseListItem>>;

public sealed class ListTalentCasesHandler(IViewQueries queries, TimeProvider time) : IQueryHandler<ListTalentCasesRequest, QueryOutcome<ListPage<TalentCaseListItem>>>
{
    /// <summary>Nearest deadline first (the default), or by the day the case was opened.</summary>
    public static ListSorts Sorts { get; } = new("talent-cases", "dueOn", new Dictionary<string, string> { ["dueOn"] = "dueOn", ["openedOn"] = "openedOn" });

    public async ValueTask<QueryOutcome<ListPage<TalentCaseListItem>>> Handle(ListTalentCasesRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var statuses = ViewDocuments.ParseFilters<TalentCaseStatus>(request.Filter.Status, "status", errors);
        if (errors.Count > 0)
        {
            return QueryOutcome<ListPage<TalentCaseListItem>>.Invalid(errors);
        }

        if (Sorts.Resolve(request.Page ?? PageRequest.First, out var refused) is not { } paging)
        {
            return QueryOutcome<ListPage<TalentCaseListItem>>.Rejected(refused!);
        }

        var filter = request.Filter;
        var filters = new List<ViewFilter>();
        if (statuses is { } s)
        {
            filters.Add(ViewFilter.AnyOf("status", [.. s.Select(v => v.ToString())]));
        }

        if (!string.IsNullOrWhiteSpace(filter.Department))
        {
            filters.Add(ViewFilter.AnyOf("department", filter.Department));
        }

        if (!string.IsNullOrWhiteSpace(filter.Officer))
        {
            filters.Add(ViewFilter.AnyOf("officer", filter.Officer));
        }

        if (filter.Partner is { } partner)
        {
            // Sought through an index led by the referring partner, as the commitments by their owner.
            filters.Add(ViewFilter.Equal("referredBy", partner.ToString("D")));
        }

        var today = DistrictTime.Today(time);
        var page = await queries.ReadAsync(request.Caller, ViewNames.TalentCaseQueue, paging, filters,
            c => TalentCaseListItem.Of(TalentCaseLine.On(ViewDocuments.Typed<TalentCaseView>(c), today, WorkingCalendar.China)), cancellationToken);
        return QueryOutcome<ListPage<TalentCaseListItem>>.Of(page);
    }
}
