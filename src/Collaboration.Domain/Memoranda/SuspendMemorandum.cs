using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

public sealed record SuspendMemorandum(MemorandumId Memorandum, BilingualText Reason, DateTimeOffset At) : IMemorandumCommand;
