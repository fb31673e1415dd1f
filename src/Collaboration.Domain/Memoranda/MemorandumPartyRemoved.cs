using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

[EventType("memorandum.party-removed.v1")]
public sealed record MemorandumPartyRemoved(MemorandumId Memorandum, PartnerId Partner, DateTimeOffset At) : IMemorandumEvent;
