using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>The office accepted the commitment.</summary>
[EventType("commitment.accepted.v1")]
public sealed record CommitmentAccepted(
    CommitmentId Commitment,
    DateOnly AcceptedOn,
    string AcceptedBy,
    DateTimeOffset At) : ICommitmentEvent;
