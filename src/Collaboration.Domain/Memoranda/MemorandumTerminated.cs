using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

[EventType("memorandum.terminated.v1")]
public sealed record MemorandumTerminated(MemorandumId Memorandum, BilingualText Reason, DateTimeOffset At) : IMemorandumEvent;
