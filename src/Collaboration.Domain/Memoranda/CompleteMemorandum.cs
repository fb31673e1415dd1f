using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

public sealed record CompleteMemorandum(MemorandumId Memorandum, DateTimeOffset At) : IMemorandumCommand;
