using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

public sealed record ResumeMemorandum(MemorandumId Memorandum, DateTimeOffset At) : IMemorandumCommand;
