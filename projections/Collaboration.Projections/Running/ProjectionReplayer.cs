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
        // Only the events given are the log here: a state asked for late is folded from what was replayed of its stream.
        var seen = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        var states = new StreamStates((stream, _, _) => (seen.TryGetValue(stream, out var list) ? [.. list] : Array.Empty<object>()).ToAsyncEnumerable());
        RecordedEvent? current = null;
        var writers = projections.Select(p => store.WriterFor(p.Name, () => current)).ToArray();
        var contexts = writers.Select(w => new ProjectionContext(w, states)).ToArray();
        await foreach (var recorded in events.WithCancellation(ct))
        {
            if ((upToPosition is { } last && recorded.Position > last) || (asOf is { } moment && recorded.Timestamp > moment))
            {
                break;
            }

            current = recorded;
            var projected = new ProjectedEvent(recorded, serializer.Deserialize(recorded));
            if (!seen.TryGetValue(recorded.Stream, out var stream))
            {
                seen[recorded.Stream] = stream = [];
            }

            stream.Add(projected.Event);
            states.Advance(recorded, projected.Event);
            for (var i = 0; i < projections.Count; i++)
            {
                await projections[i].ApplyAsync(projected, contexts[i], ct);
            }

            store.Position = recorded.Position;
        }

        foreach (var writer in writers)
        {
            writer.Flush();
        }

        return store;
    }

    /// <summary>Replays one projection over a list of events.</summary>
    public static Task<InMemoryViewStore> ReplayAsync(IProjection projection, IEnumerable<RecordedEvent> events, EventSerializer serializer, CancellationToken ct = default) =>
        ReplayAsync([projection], events.ToAsyncEnumerable(), serializer, ct: ct);
}
