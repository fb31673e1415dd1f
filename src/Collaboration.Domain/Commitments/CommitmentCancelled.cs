using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>The commitment was cancelled; it stops counting as open work.</summary>
[EventType("commitment.cancelled.v1")]
public sealed record CommitmentCancelled(
    CommitmentId Commitment,
    BilingualText Reason,
    DateOnly CancelledOn,
    string CancelledBy,
    DateTimeOffset At) : ICommitmentEvent;
