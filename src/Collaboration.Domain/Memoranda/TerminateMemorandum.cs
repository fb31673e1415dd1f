using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

public sealed record TerminateMemorandum(MemorandumId Memorandum, BilingualText Reason, DateTimeOffset At) : IMemorandumCommand;
