using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>A milestone got a new due date; the previous one is kept so slippage stays visible.</summary>
[EventType("commitment.milestone-rescheduled.v1")]
public sealed record MilestoneRescheduled(
    CommitmentId Commitment,
    MilestoneId Milestone,
    DateOnly PreviousDueDate,
    DateOnly NewDueDate,
    BilingualText Reason,
    string RescheduledBy,
    DateTimeOffset At) : ICommitmentEvent;
