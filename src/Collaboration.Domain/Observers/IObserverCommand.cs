using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>Marker for commands on the Observer aggregate (stream <c>observer-&lt;guid&gt;</c>).</summary>
public interface IObserverCommand
{
    ObserverId Observer { get; }
}
