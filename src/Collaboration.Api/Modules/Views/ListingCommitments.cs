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

    /// <summary>Earliest due date first (the default), or by the day the commitment was proposed.</summary>
    public static ListSorts Sorts { get; } = new("commitments", "dueDate", new Dictionary<string, string> { ["dueDate"] = DueDate, ["proposedOn"] = "commitment.proposedOn" });

    private static readonly string[] OpenStages = [nameof(CommitmentStage.Proposed), nameof(CommitmentStage.Accepted)];

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

        // Status is derived on today's date, never stored. Terminal statuses are stages, and "overdue" is an open stage
        // with the due date before today — both exact in the store. The rest also depend on milestones and progress: the
        // store narrows to open commitments not yet due, and the status is tested on each (the residual).
        var residual = filter.Overdue == false;
        var dueDay = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (status == CommitmentStatus.Overdue || filter.Overdue == true)
        {
            filters.Add(ViewFilter.AnyOf("commitment.stage", OpenStages));
            filters.Add(ViewFilter.Before(DueDate, dueDay));
        }

        switch (status)
        {
            case CommitmentStatus.Completed or CommitmentStatus.Cancelled:
                filters.Add(ViewFilter.AnyOf("commitment.stage", status.Value == CommitmentStatus.Completed ? nameof(CommitmentStage.Completed) : nameof(CommitmentStage.Cancelled)));
                break;
            case CommitmentStatus.AtRisk or CommitmentStatus.OnTrack or CommitmentStatus.NotStarted:
                filters.Add(ViewFilter.AnyOf("commitment.stage", OpenStages));
                filters.Add(ViewFilter.NotBefore(DueDate, dueDay));
                residual = true;
                break;
        }

        var page = await queries.ReadAsync(request.Caller, ViewNames.CommitmentDetail, paging, filters, c =>
        {
            var line = CommitmentLine.Of(ViewDocuments.Typed<CommitmentDetail>(c), today);
            return (status is not { } s || line.Status == s) && (filter.Overdue is not { } o || (line.Status == CommitmentStatus.Overdue) == o) ? line : null;
        }, cancellationToken, residual);
        return QueryOutcome<ListPage<CommitmentLine>>.Of(page);
    }
}
