using Collaboration.Api.Application;
using Collaboration.Domain.Visibility;
using Collaboration.EventStore;

namespace Collaboration.Api.Visibility;

/// <summary>The policy as a service: hands out a <see cref="VisibilityScope"/> per viewer.</summary>
public sealed class VisibilityService(VisibilityPolicy policy, IEventStore store, EventSerializer serializer)
{
    public VisibilityPolicy Policy { get; } = policy;

    public VisibilityScope For(Viewer viewer) => new(Policy, viewer, store, serializer);

    public VisibilityScope For(Caller? caller) => For(caller?.ToViewer() ?? Viewer.Public);
}
