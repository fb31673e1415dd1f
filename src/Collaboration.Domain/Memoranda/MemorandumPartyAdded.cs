using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

[EventType("memorandum.party-added.v1")]
public sealed record MemorandumPartyAdded(MemorandumId Memorandum, PartnerId Partner, PartyRole Role, BilingualText Name, DateTimeOffset At)
    : IMemorandumEvent;
