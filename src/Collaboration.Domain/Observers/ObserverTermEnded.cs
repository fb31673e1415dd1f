using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>The term was ended early; from <paramref name="EndsOn"/> the observer no longer serves.</summary>
[EventType("observer.term-ended.v1")]
public sealed record ObserverTermEnded(ObserverId Observer, DateOnly EndsOn, BilingualText Reason, string EndedBy, DateTimeOffset At) : IObserverEvent;
