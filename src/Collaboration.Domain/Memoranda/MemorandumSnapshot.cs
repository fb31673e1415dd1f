using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary>
/// The facts about a memorandum that other aggregates (commitments) need. The application reads it
/// from the memorandum's state and passes it into their commands, so no decider loads another stream.
/// </summary>
public sealed record MemorandumSnapshot(
    MemorandumId Id,
    MemorandumStatus Status,
    IReadOnlyList<PartnerId> Parties,
    IReadOnlyList<FocusArea> FocusAreas,
    DateOnly TermStart,
    DateOnly TermEnd);
