using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// Propose a commitment under a memorandum: the owner is one of its parties, the focus area one it
/// covers, and the due date lies within its term. <paramref name="ExternalReference"/> is the row's key in the
/// spreadsheet it was imported from (normalised like a partner's); the commitment's id is then derived from it
/// (<see cref="CommitmentReference.IdFor"/>), so the same row never makes a second commitment.
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
    DateTimeOffset At,
    string? ExternalReference = null) : ICommitmentCommand;
