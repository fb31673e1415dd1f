using System.Collections.Concurrent;
using Collaboration.Projections.Running;

namespace Collaboration.Projections.Tests.Fixtures;

public sealed class CollectingPublisher : IViewChangePublisher
{
    public ConcurrentQueue<StoredView> Changes { get; } = new();

    public Task PublishAsync(IReadOnlyList<StoredView> changes, CancellationToken ct)
    {
        foreach (var change in changes)
        {
            Changes.Enqueue(change);
        }

        return Task.CompletedTask;
    }

    public Task PublishedThroughAsync(long position, CancellationToken ct)
    {
        PublishedThrough.Enqueue(position);
        return Task.CompletedTask;
    }

    public ConcurrentQueue<long> PublishedThrough { get; } = new();
}
