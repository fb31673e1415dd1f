using Collaboration.EventStore;

namespace Collaboration.Projections.Running;

/// <summary>A recorded event together with its deserialised domain event (or <see cref="UnknownEvent"/>).</summary>
public sealed record ProjectedEvent(RecordedEvent Recorded, object Event)
{
    public long Position => Recorded.Position;
}
