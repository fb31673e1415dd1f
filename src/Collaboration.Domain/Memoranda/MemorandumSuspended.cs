using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

[EventType("memorandum.suspended.v1")]
public sealed record MemorandumSuspended(MemorandumId Memorandum, BilingualText Reason, DateTimeOffset At) : IMemorandumEvent;
