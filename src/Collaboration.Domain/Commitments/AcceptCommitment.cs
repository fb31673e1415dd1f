using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Domain.Commitments;

/// <summary>The office accepts a proposed commitment; from then on it can progress.</summary>
public sealed record AcceptCommitment(
    CommitmentId Commitment,
    MemorandumSnapshot Memorandum,
    Actor By,
    DateTimeOffset At) : ICommitmentCommand;
