using System.Runtime.CompilerServices;

namespace Collaboration.EventStore;

/// <summary>The portable way to answer <see cref="IEventStore.ReadStreamStartsAsync"/>: read $all once.</summary>
public static class StreamStarts
{
    public static async IAsyncEnumerable<RecordedEvent> ByScanning(IEventStore store, string streamPrefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(streamPrefix);
        var starts = new SortedDictionary<string, RecordedEvent>(StringComparer.Ordinal);
        await foreach (var e in store.ReadAllAsync(ct: ct))
        {
            if (e.Revision == 0 && e.Stream.StartsWith(streamPrefix, StringComparison.Ordinal))
            {
                starts[e.Stream] = e;
            }
        }

        foreach (var start in starts.Values)
        {
            yield return start;
        }
    }
}
