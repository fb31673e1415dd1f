using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

public sealed record RemoveMemorandumParty(MemorandumId Memorandum, PartnerId Partner, DateTimeOffset At) : IMemorandumCommand;
