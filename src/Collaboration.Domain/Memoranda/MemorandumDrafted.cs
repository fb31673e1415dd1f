using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

[EventType("memorandum.drafted.v1")]
public sealed record MemorandumDrafted(
    MemorandumId Memorandum,
    BilingualText Title,
    BilingualText Purpose,
    IReadOnlyList<FocusArea> FocusAreas,
    DateOnly TermStart,
    DateOnly TermEnd,
    DateTimeOffset At) : IMemorandumEvent;
