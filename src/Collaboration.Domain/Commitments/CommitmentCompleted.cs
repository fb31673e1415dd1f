using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>The commitment was completed: every milestone done, progress counts as 100 %.</summary>
[EventType("commitment.completed.v1")]
public sealed record CommitmentCompleted(
    CommitmentId Commitment,
    DateOnly CompletedOn,
    string CompletedBy,
    DateTimeOffset At) : ICommitmentEvent;
