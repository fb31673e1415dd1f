using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>The term's last day moved later; the previous end is kept so the history reads without replay.</summary>
[EventType("observer.term-extended.v1")]
public sealed record ObserverTermExtended(ObserverId Observer, DateOnly PreviousTermEnd, DateOnly NewTermEnd, string ExtendedBy, DateTimeOffset At) : IObserverEvent;
