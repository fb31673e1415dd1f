using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

public sealed record DraftMemorandum(
    MemorandumId Memorandum,
    BilingualText Title,
    BilingualText Purpose,
    IReadOnlyList<FocusArea> FocusAreas,
    DateOnly TermStart,
    DateOnly TermEnd,
    DateTimeOffset At) : IMemorandumCommand;
