using Collaboration.EventStore;

namespace Collaboration.Projections.Running;

/// <summary>
/// Replays projections over events in memory, e.g. to show a read model as of a past position or moment
/// (audit), or to compare a rebuild with the live view. Uses exactly the code the live runner uses.
/// </summary>
public static class ProjectionReplayer
{
    /// <summary>
    /// Applies <paramref name="events"/> (in log order) to every projection into a fresh <see cref="InMemoryViewStore"/>,
    /// stopping after <paramref name="upToPosition"/> and before the first event recorded after <paramref name="asOf"/>.
    /// </summary>
    public static async Task<InMemoryViewStore> ReplayAsync(
        IReadOnlyList<IProjection> projections,
        IAsyncEnumerable<RecordedEvent> events,
        EventSerializer serializer,
        long? upToPosition = null,
        DateTimeOffset? asOf = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(projections);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(serializer);
        var store = new InMemoryViewStore();
        var history = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        var current = 0L;
        var contexts = projections.Select(p => new Context(store.WriterFor(p.Name, () => current), history)).ToArray();
        await foreach (var recorded in events.WithCancellation(ct))
        {
            if ((upToPosition is { } last && recorded.Position > last) || (asOf is { } moment && recorded.Timestamp > moment))
            {
                break;
            }

            current = recorded.Position;
            var projected = new ProjectedEvent(recorded, serializer.Deserialize(recorded));
            if (!history.TryGetValue(recorded.Stream, out var stream))
            {
                history[recorded.Stream] = stream = [];
            }

            stream.Add(projected.Event);
            for (var i = 0; i < projections.Count; i++)
            {
                await projections[i].ApplyAsync(projected, contexts[i], ct);
            }

            store.Position = current;
        }

        return store;
    }

    /// <summary>Replays one projection over a list of events.</summary>
    public static Task<InMemoryViewStore> ReplayAsync(IProjection projection, IEnumerable<RecordedEvent> events, EventSerializer serializer, CancellationToken ct = default) =>
        ReplayAsync([projection], events.ToAsyncEnumerable(), serializer, ct: ct);

    private sealed class Context(IViewWriter views, Dictionary<string, List<object>> history) : IProjectionContext
    {
        public IViewWriter Views => views;

        public ValueTask<IReadOnlyList<object>> HistoryAsync(string stream, CancellationToken ct) =>
            ValueTask.FromResult<IReadOnlyList<object>>(history.TryGetValue(stream, out var events) ? [.. events] : []);
    }
}
