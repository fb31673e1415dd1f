using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>A milestone was done; its share becomes a floor for approved progress.</summary>
[EventType("commitment.milestone-completed.v1")]
public sealed record MilestoneCompleted(
    CommitmentId Commitment,
    MilestoneId Milestone,
    DateOnly CompletedOn,
    string CompletedBy,
    DateTimeOffset At) : ICommitmentEvent;
