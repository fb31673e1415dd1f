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
    private const string DueDate = "commitment.dueDate";
    private const string OpenUntil = "openUntil";
    private const string AtRiskFrom = "atRiskFrom";

    /// <summary>Earliest due date first (the default), or by the day the commitment was proposed.</summary>
    public static ListSorts Sorts { get; } = new("commitments", "dueDate", new Dictionary<string, string> { ["dueDate"] = DueDate, ["proposedOn"] = "commitment.proposedOn" });

    /// <summary>
    /// The store filters for a status and "overdue" judged on <paramref name="today"/>. A status is never stored, but the days
    /// it changes are (<see cref="CommitmentDetail.OpenUntil"/>, <see cref="CommitmentDetail.AtRiskFrom"/>), so each is a
    /// comparison of dates the store makes, and the due date bounds the index walk where it can.
    /// </summary>
    public static IEnumerable<ViewFilter> OnDay(CommitmentStatus? status, bool? overdue, DateOnly today)
    {
        var day = Day(today);
        var tomorrow = Day(today.AddDays(1));
        if (status == CommitmentStatus.Overdue || overdue == true)
        {
            yield return ViewFilter.Before(DueDate, day);
            yield return ViewFilter.Before(OpenUntil, day);
        }

        if (overdue == false || status is CommitmentStatus.AtRisk or CommitmentStatus.OnTrack or CommitmentStatus.NotStarted)
        {
            yield return ViewFilter.NotBefore(OpenUntil, day);
        }

        switch (status)
        {
            case CommitmentStatus.Completed or CommitmentStatus.Cancelled:
                yield return ViewFilter.AnyOf("commitment.stage", status.Value == CommitmentStatus.Completed ? nameof(CommitmentStage.Completed) : nameof(CommitmentStage.Cancelled));
                break;
            case CommitmentStatus.AtRisk:
                yield return ViewFilter.NotBefore(DueDate, day);
                yield return ViewFilter.Before(AtRiskFrom, tomorrow);
                break;
            case CommitmentStatus.OnTrack or CommitmentStatus.NotStarted:
                yield return ViewFilter.NotBefore(DueDate, day);
                yield return ViewFilter.NotBefore(AtRiskFrom, tomorrow);
                yield return ViewFilter.AnyOf("calmStatus", status.Value.ToString());
                break;
        }
    }

    public async ValueTask<QueryOutcome<ListPage<CommitmentLine>>> Handle(ListCommitmentsRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var area = ViewDocuments.ParseFilter<FocusArea>(request.Filter.FocusArea, "focusArea", errors);
        var status = ViewDocuments.ParseFilter<CommitmentStatus>(request.Filter.Status, "status", errors);
        if (errors.Count > 0)
        {
            return QueryOutcome<ListPage<CommitmentLine>>.Invalid(errors);
        }

        if (Sorts.Resolve(request.Page ?? PageRequest.First, out var refused) is not { } paging)
        {
            return QueryOutcome<ListPage<CommitmentLine>>.Rejected(refused!);
        }

        var today = DistrictTime.Today(time);
        var filter = request.Filter;
        var filters = new List<ViewFilter>();
        if (filter.Partner is { } partner)
        {
            filters.Add(ViewFilter.AnyOf("commitment.owner", partner.ToString("D")));
        }

        if (filter.Memorandum is { } memorandum)
        {
            filters.Add(ViewFilter.AnyOf("commitment.memorandum", memorandum.ToString("D")));
        }

        if (area is { } a)
        {
            filters.Add(ViewFilter.AnyOf("commitment.focusArea", a.ToString()));
        }

        filters.AddRange(OnDay(status, request.Filter.Overdue, today));
        var page = await queries.ReadAsync(request.Caller, ViewNames.CommitmentDetail, paging, filters, c => CommitmentLine.Of(ViewDocuments.Typed<CommitmentDetail>(c), today), cancellationToken);
        return QueryOutcome<ListPage<CommitmentLine>>.Of(page);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
