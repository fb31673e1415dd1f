using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// Propose a commitment under a memorandum: the owner is one of its parties, the focus area one it
/// covers, and the due date lies within its term.
/// </summary>
public sealed record ProposeCommitment(
    CommitmentId Commitment,
    MemorandumSnapshot Memorandum,
    FocusArea FocusArea,
    PartnerId Owner,
    BilingualText Description,
    DateOnly DueDate,
    decimal Weight,
    Actor By,
    DateTimeOffset At) : ICommitmentCommand;
