using Collaboration.Domain.Visibility;
using Collaboration.EventStore;

namespace Collaboration.Audit.Visibility;

/// <summary>The policy as a service: hands out a <see cref="VisibilityScope"/> per viewer.</summary>
public sealed class VisibilityService(VisibilityPolicy policy, IEventStore store, EventSerializer serializer)
{
    public VisibilityPolicy Policy { get; } = policy;

    public VisibilityScope For(Viewer viewer) => new(Policy, viewer, store, serializer);
}
