using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Memoranda;

[EventType("memorandum.published.v1")]
public sealed record MemorandumPublished(MemorandumId Memorandum, DateTimeOffset At) : IMemorandumEvent;
