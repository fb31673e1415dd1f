using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// The office cancels a proposed or accepted commitment. No memorandum snapshot: cancelling must
/// stay possible precisely when the memorandum has been suspended or terminated.
/// </summary>
public sealed record CancelCommitment(
    CommitmentId Commitment,
    BilingualText Reason,
    Actor By,
    DateTimeOffset At) : ICommitmentCommand;
