using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

[EventType("memorandum.resumed.v1")]
public sealed record MemorandumResumed(MemorandumId Memorandum, DateTimeOffset At) : IMemorandumEvent;
