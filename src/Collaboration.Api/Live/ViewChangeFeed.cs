using System.Collections.Immutable;
using System.Text.Json;
using Collaboration.Api.Visibility;
using Collaboration.Projections.Running;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Api.Live;

/// <summary>
/// Receives committed read-model changes from the projection runner, pushes each to the hub groups allowed to see it
/// (always <c>office</c>, plus the document's audiences, which are group names, each redacted by the visibility policy
/// for that audience) and, unredacted, to in-process subscribers (which show it through <see cref="IViewQueries.ShowAsync"/>).
/// </summary>
public sealed partial class ViewChangeFeed(IHubContext<StatusHub, IStatusClient> hub, DocumentVisibility documents, ILogger<ViewChangeFeed> logger) : IViewChangeFeed, IViewChangePublisher
{
    private ImmutableList<Func<ViewChange, Task>> subscribers = [];
    private long lastPublished;

    public long LastPublishedPosition => Interlocked.Read(ref lastPublished);

    public IDisposable Subscribe(Func<ViewChange, Task> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        ImmutableInterlocked.Update(ref subscribers, list => list.Add(onChange));
        return new Subscription(() => ImmutableInterlocked.Update(ref subscribers, list => list.Remove(onChange)));
    }

    public Task PublishAsync(IReadOnlyList<StoredView> changes, CancellationToken ct) => PublishAsync(changes, toHub: true);

    /// <summary>
    /// Tells this node's in-process subscribers only: on a node that does not lead (<see cref="Cluster.FollowerChangeRelay"/>),
    /// whose hub clients hear the leader's pushes through the backplane.
    /// </summary>
    public Task PublishLocallyAsync(IReadOnlyList<StoredView> changes) => PublishAsync(changes, toHub: false);

    private async Task PublishAsync(IReadOnlyList<StoredView> changes, bool toHub)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var stored in changes.OrderBy(c => c.Position))
        {
            var change = ToChange(stored);
            if (toHub && StatusHubContract.Carries(stored.View))
            {
                await PushAsync(stored, change);
            }

            foreach (var subscriber in Volatile.Read(ref subscribers))
            {
                try
                {
                    await subscriber(change);
                }
#pragma warning disable CA1031 // One broken subscriber (a closed dashboard circuit) must not starve the others.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogSubscriberFailed(ex, change.View, change.Key);
                }
            }

            InterlockedMax(ref lastPublished, stored.Position);
        }
    }

    private async Task PushAsync(StoredView stored, ViewChange change)
    {
        await hub.Clients.Group(StatusHubContract.OfficeGroup).ViewChanged(change);
        // Each audience gets the document as the policy lets that audience see it. Public goes first: a connection in
        // "public" and in a more specific group (the observer who wrote a published item) gets its own copy last.
        foreach (var audience in stored.Scope.Audiences.OrderBy(a => a == ViewScope.Public ? 0 : 1))
        {
            if (documents.Show(StatusHub.ViewerOf(audience), stored) is { } shown)
            {
                await hub.Clients.Group(audience).ViewChanged(shown);
            }
        }
    }

    /// <summary>Sent to every connection (through the backplane, on every node): each may resume from here.</summary>
    public async Task PublishedThroughAsync(long position, CancellationToken ct) => await hub.Clients.All.PublishedThrough(position);

    /// <summary>Every connection, on every node, is asked to catch up from its resume position (after a leader takeover).</summary>
    public async Task AskClientsToCatchUpAsync() => await hub.Clients.All.CatchUpNeeded();

    /// <summary>The wire shape of a stored document.</summary>
    public static ViewChange ToChange(StoredView stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var data = stored.Json is { } json ? JsonDocument.Parse(json).RootElement.Clone() : JsonSerializer.SerializeToElement<object?>(null);
        return new ViewChange(stored.View, stored.Key, stored.Position, data);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A view change subscriber failed on {View}/{Key}")]
    private partial void LogSubscriberFailed(Exception ex, string view, string key);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
