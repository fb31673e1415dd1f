using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary>Carries the focus areas and term end as they stand after the amendment, changed or not.</summary>
[EventType("memorandum.amended.v1")]
public sealed record MemorandumAmended(
    MemorandumId Memorandum,
    int Number,
    BilingualText Reason,
    BilingualText Text,
    IReadOnlyList<FocusArea> FocusAreas,
    DateOnly TermEnd,
    DateTimeOffset At) : IMemorandumEvent;
