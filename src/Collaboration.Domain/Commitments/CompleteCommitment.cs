using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Domain.Commitments;

/// <summary>Declare an accepted commitment complete; every milestone must be done.</summary>
public sealed record CompleteCommitment(
    CommitmentId Commitment,
    MemorandumSnapshot Memorandum,
    Actor By,
    DateTimeOffset At) : ICommitmentCommand;
