using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>Marker for events of the Observer aggregate.</summary>
public interface IObserverEvent
{
    ObserverId Observer { get; }

    DateTimeOffset At { get; }
}
