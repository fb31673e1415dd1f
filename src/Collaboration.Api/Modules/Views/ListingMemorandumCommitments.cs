using Collaboration.Api.Application;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Filters of a memorandum's commitment lines; every one optional. <c>Status</c> is judged on today's date.</summary>
public sealed record MemorandumCommitmentFilter(Guid? Partner, string? FocusArea, string? Status);

/// <summary>
/// Every commitment under a memorandum as progress lines, a page at a time: for whoever may see the memorandum's progress
/// (its parties, the office, auditors), which lists the first of them (<see cref="MemorandumProgressReport.Commitments"/>).
/// 404 for a caller that may not see the memorandum.
/// </summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record ListMemorandumCommitmentsRequest(Caller Caller, MemorandumId Memorandum, MemorandumCommitmentFilter Filter, PageRequest? Page = null)
    : IRead<ListPage<CommitmentLine>>;

public sealed class ListMemorandumCommitmentsHandler(MemorandumProgressReports reports, IViewReader reader, TimeProvider time)
    : IQueryHandler<ListMemorandumCommitmentsRequest, QueryOutcome<ListPage<CommitmentLine>>>
{
    /// <summary>Earliest due date first (the default), or by the day the commitment was proposed.</summary>
    public static ListSorts Sorts { get; } = new("memorandum-commitments", "dueDate", new Dictionary<string, string> { ["dueDate"] = "dueDate", ["proposedOn"] = "proposedOn" });

    public async ValueTask<QueryOutcome<ListPage<CommitmentLine>>> Handle(ListMemorandumCommitmentsRequest request, CancellationToken cancellationToken)
    {
        if (CommitmentListInput.Read(request.Filter.FocusArea, request.Filter.Status, request.Page, Sorts, out var refused) is not { } input)
        {
            return refused!;
        }

        var (area, status, paging) = input;

        // The policy decides on the memorandum; its commitment lines are part of its progress (MemorandumProgressReports).
        if (await reports.HeaderAsync(request.Caller, request.Memorandum, cancellationToken) is null)
        {
            return QueryOutcome<ListPage<CommitmentLine>>.Missing();
        }

        var today = DistrictTime.Today(time);
        var filters = new List<ViewFilter>();
        if (request.Filter.Partner is { } partner)
        {
            filters.Add(ViewFilter.AnyOf("owner", partner.ToString("D")));
        }

        if (area is { } a)
        {
            filters.Add(ViewFilter.AnyOf("focusArea", a.ToString()));
        }

        filters.AddRange(MemorandumProgressComposition.Status(status, null, today));
        var query = MemorandumProgressComposition.Lines(request.Memorandum, filters, paging.Limit, paging.Sort.Field) with
        {
            Sort = paging.Sort,
            After = paging.After,
            CountTotal = true,
        };
        var page = await reader.PageAsync(query, cancellationToken);
        return QueryOutcome<ListPage<CommitmentLine>>.Of(new ListPage<CommitmentLine>(
            [.. page.Items.Select(d => ViewJson.Deserialize<MemorandumLine>(d.Json!)!.On(today))],
            page.Total,
            page.Next is { } next ? paging.Cursor(next) : null));
    }
}
