using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

[EventType("memorandum.completed.v1")]
public sealed record MemorandumCompleted(MemorandumId Memorandum, DateTimeOffset At) : IMemorandumEvent;
