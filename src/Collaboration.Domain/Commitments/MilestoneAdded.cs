using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>A milestone worth <c>Share</c> percent of the commitment was added.</summary>
[EventType("commitment.milestone-added.v1")]
public sealed record MilestoneAdded(
    CommitmentId Commitment,
    MilestoneId Milestone,
    BilingualText Title,
    DateOnly DueDate,
    decimal Share,
    string AddedBy,
    DateTimeOffset At) : ICommitmentEvent;
