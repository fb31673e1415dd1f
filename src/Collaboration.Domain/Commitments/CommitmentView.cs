using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// A read-friendly picture of a commitment for projections: plain lists, the stage as a value and
/// the approved-progress history. Status is left out on purpose because it needs "today"; call
/// <see cref="CommitmentStatusCalculator.Status"/> when rendering.
/// </summary>
public sealed record CommitmentView(
    CommitmentId Id,
    MemorandumId Memorandum,
    FocusArea FocusArea,
    PartnerId Owner,
    BilingualText Description,
    DateOnly DueDate,
    decimal Weight,
    DateOnly ProposedOn,
    CommitmentStage Stage,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<ProgressReport> Reports,
    IReadOnlyList<ApprovedProgressPoint> ApprovedHistory,
    decimal ApprovedProgress,
    OgpCompletion Ogp)
{
    /// <summary>The view of <paramref name="state"/>, or null for an empty stream.</summary>
    public static CommitmentView? From(CommitmentState state)
    {
        if (state is not ExistingCommitment existing)
        {
            return null;
        }

        var file = existing.File;
        var stage = existing switch
        {
            AcceptedCommitment => CommitmentStage.Accepted,
            CompletedCommitment => CommitmentStage.Completed,
            CancelledCommitment => CommitmentStage.Cancelled,
            _ => CommitmentStage.Proposed,
        };

        return new CommitmentView(
            file.Id,
            file.Memorandum,
            file.FocusArea,
            file.Owner,
            file.Description,
            file.DueDate,
            file.Weight,
            file.ProposedOn,
            stage,
            [.. file.Milestones],
            [.. file.Reports],
            CommitmentProgress.History(file),
            CommitmentProgress.Approved(state),
            CommitmentStatusCalculator.OgpCompletion(state));
    }
}
