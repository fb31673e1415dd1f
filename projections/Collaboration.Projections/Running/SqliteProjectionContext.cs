using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;

namespace Collaboration.Projections.Running;

/// <summary>
/// The live context: documents through the open transaction, stream history from the store cut at the current
/// position. One context serves one batch: a stream's history is read once and then extended with the batch's own
/// events, because projections ask for it on every event and a rebuild would otherwise re-read each stream per event.
/// </summary>
internal sealed class SqliteProjectionContext(SqliteViewWriter writer, SqliteEventStore store, EventSerializer serializer) : IProjectionContext
{
    private readonly Dictionary<string, List<object>> histories = new(StringComparer.Ordinal);

    public IViewWriter Views => writer;

    /// <summary>Called before each event of the batch is applied, so a cached history includes it.</summary>
    public void Advance(string stream, object @event)
    {
        if (histories.TryGetValue(stream, out var history))
        {
            history.Add(@event);
        }
    }

    public async ValueTask<IReadOnlyList<object>> HistoryAsync(string stream, CancellationToken ct)
    {
        if (!histories.TryGetValue(stream, out var events))
        {
            events = [];
            await foreach (var recorded in store.ReadStreamAsync(stream, ct: ct))
            {
                // Later events exist when catching up; the view must not see the future.
                if (recorded.Position > writer.Position)
                {
                    break;
                }

                events.Add(serializer.Deserialize(recorded));
            }

            histories[stream] = events;
        }

        // A copy: the cached list keeps growing with the batch.
        return [.. events];
    }
}
