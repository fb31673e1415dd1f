using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary>
/// What other aggregates may know about a memorandum: supplied by the application layer inside
/// commands, so a decider can check cross-aggregate rules without loading anything.
/// </summary>
public sealed record MemorandumSnapshot(
    MemorandumId Id,
    MemorandumStatus Status,
    IReadOnlyList<PartnerId> Parties,
    IReadOnlyList<FocusArea> FocusAreas,
    DateOnly TermStart,
    DateOnly TermEnd);
