using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Mediator;

namespace Collaboration.Api.Modules.Commitments;

/// <summary>
/// A commitment as the API shows it: the domain's read view plus what needs a "today" — the derived status — worked
/// out for the district's calendar day (<see cref="AsOf"/>, Shanghai). Another party of the memorandum sees the
/// owner's approved reports only; <see cref="WithheldReports"/> counts those under review or returned.
/// </summary>
public sealed record CommitmentDetails(
    CommitmentId Id,
    MemorandumId Memorandum,
    FocusArea FocusArea,
    PartnerId Owner,
    BilingualText Description,
    DateOnly DueDate,
    decimal Weight,
    DateOnly ProposedOn,
    CommitmentStage Stage,
    CommitmentStatus Status,
    OgpCompletion Ogp,
    decimal ApprovedProgress,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<ProgressReport> Reports,
    int WithheldReports,
    IReadOnlyList<ApprovedProgressPoint> ApprovedHistory,
    DateOnly AsOf);

/// <summary>Reads one commitment from its stream, so the ETag is exact for a following If-Match write.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record GetCommitmentRequest(Caller Caller, CommitmentId Commitment) : IRead<CommitmentDetails>;

/// <summary>A partner reads commitments of memoranda it is party to; any other answers 404, as if it did not exist.</summary>
public sealed class GetCommitmentAccess(VisibilityService visibility) : IAccessRule<GetCommitmentRequest>
{
    public ValueTask<Access> CheckAsync(GetCommitmentRequest request, CancellationToken cancellationToken) =>
        visibility.OfStreamAsync(request.Caller, CommitmentDecider.StreamName(request.Commitment), cancellationToken);
}

public sealed class GetCommitmentHandler(StreamExecutor executor, VisibilityPolicy policy, TimeProvider time) : IQueryHandler<GetCommitmentRequest, QueryOutcome<CommitmentDetails>>
{
    public async ValueTask<QueryOutcome<CommitmentDetails>> Handle(GetCommitmentRequest request, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync<CommitmentDecider, CommitmentState, ICommitmentCommand, ICommitmentEvent>(
            CommitmentDecider.StreamName(request.Commitment), cancellationToken);
        if (CommitmentView.From(loaded.State) is not { } view)
        {
            return QueryOutcome<CommitmentDetails>.Missing();
        }

        var today = DistrictTime.Today(time);
        var verdict = policy.Decide(request.Caller, CommitmentDecider.StreamName(request.Commitment), loaded.State);
        var reports = view.Reports.Where(r => verdict.ShowsReport(view.Owner.Value, r.Status == ProgressReportStatus.Approved)).ToList();
        var details = new CommitmentDetails(
            view.Id, view.Memorandum, view.FocusArea, view.Owner, view.Description, view.DueDate, view.Weight, view.ProposedOn,
            view.Stage, CommitmentStatusCalculator.Status(loaded.State, today), view.Ogp, view.ApprovedProgress,
            view.Milestones, reports, view.Reports.Count - reports.Count, view.ApprovedHistory, today);
        return QueryOutcome<CommitmentDetails>.Of(details, loaded.Revision);
    }
}
