using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

/// <summary>
/// The decider numbers the amendment. <paramref name="FocusAreas"/> and <paramref name="TermEnd"/>
/// are optional changes: null keeps the current value.
/// </summary>
public sealed record AmendMemorandum(
    MemorandumId Memorandum,
    BilingualText Reason,
    BilingualText Text,
    IReadOnlyList<FocusArea>? FocusAreas,
    DateOnly? TermEnd,
    DateTimeOffset At) : IMemorandumCommand;
