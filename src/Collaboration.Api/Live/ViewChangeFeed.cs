using System.Collections.Immutable;
using System.Text.Json;
using Collaboration.Api.Visibility;
using Collaboration.Projections.Running;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Api.Live;

/// <summary>
/// Receives committed read-model changes from the projection runner, pushes each to the hub groups allowed to see it
/// (always <c>office</c>, plus the document's audiences, which are group names, each redacted by the visibility policy
/// for that audience, each connection of this node getting one copy) and, unredacted, to in-process subscribers (which show it through <see cref="IViewQueries.ShowAsync"/>).
/// </summary>
public sealed partial class ViewChangeFeed(IHubContext<StatusHub, IStatusClient> hub, DocumentVisibility documents, AudienceMembers members, RecentStoredDocuments recent, ILogger<ViewChangeFeed> logger) : IViewChangeFeed, IViewChangePublisher
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
        // Before anything is pushed (and before the runner releases its waiters, which follows this): whoever learns of
        // a change, from the push or from its write's position, then reads the new document, not a kept one.
        recent.Changed(changes);

        // Every group send of the batch is started in position order before any is awaited: a send completes at once
        // when the connections' buffers have room, and otherwise waits for the slowest member of the group. Awaiting each
        // in turn held every later document of the batch (for every connection) behind one slow dashboard. Each
        // connection still receives its messages in the order they were started (SignalR writes a connection's messages
        // one at a time, queued in arrival order), and the batch's sends have all completed when this returns, so
        // PublishedThrough, sent after, still follows them.
        List<Task>? sends = null;
        long highest = 0;
        foreach (var stored in changes.OrderBy(c => c.Position))
        {
            var change = ToChange(stored);
            if (toHub && StatusHubContract.Carries(stored.View))
            {
                Push(stored, change, sends ??= []);
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

            highest = Math.Max(highest, stored.Position);
        }

        try
        {
            if (sends is not null)
            {
                await Task.WhenAll(sends);
            }
        }
        finally
        {
            InterlockedMax(ref lastPublished, highest);
        }
    }

    /// <summary>
    /// Starts the sends of one document: unredacted to <c>office</c>,
    /// and to each audience as the policy lets it see the document. A connection of this node that is in one of the document's specific audiences (its organisation, its
    /// observer group) gets that audience's copy only, not also the public one: the public send leaves it out.
    /// </summary>
    private void Push(StoredView stored, ViewChange change, List<Task> sends)
    {
        static Task Send(IStatusClient clients, ViewChange shown) => clients.ViewChanged(shown);

        sends.Add(Send(hub.Clients.Group(StatusHubContract.OfficeGroup), change));
        ViewChange? publicCopy = null;
        List<(string Audience, ViewChange Shown)>? specific = null;
        foreach (var audience in stored.Scope.Audiences)
        {
            if (documents.Show(StatusHub.ViewerOf(audience), stored) is not { } shown)
            {
                continue;
            }

            if (audience == ViewScope.Public)
            {
                publicCopy = shown;
            }
            else
            {
                (specific ??= []).Add((audience, shown));
            }
        }

        // Public goes first: a connection of another node (through the backplane) in "public" and in a more specific
        // group still gets its own copy last.
        if (publicCopy is not null)
        {
            IReadOnlyList<string> covered = specific is null ? [] : members.Of(specific.Select(s => s.Audience));
            sends.Add(Send(covered.Count == 0
                ? hub.Clients.Group(StatusHubContract.PublicGroup)
                : hub.Clients.GroupExcept(StatusHubContract.PublicGroup, covered), publicCopy));
        }

        foreach (var (audience, shown) in specific ?? [])
        {
            sends.Add(Send(hub.Clients.Group(audience), shown));
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
