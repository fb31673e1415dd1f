using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

[EventType("memorandum.signed.v1")]
public sealed record MemorandumSigned(
    MemorandumId Memorandum,
    IReadOnlyList<PartySignatory> Signatories,
    DateOnly SignedOn,
    BilingualText Place,
    DateTimeOffset At) : IMemorandumEvent;
