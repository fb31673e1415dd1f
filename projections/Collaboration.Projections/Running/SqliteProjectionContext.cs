using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;

namespace Collaboration.Projections.Running;

/// <summary>The live context: documents through the open transaction, stream history from the store cut at the current position.</summary>
internal sealed class SqliteProjectionContext(SqliteViewWriter writer, SqliteEventStore store, EventSerializer serializer) : IProjectionContext
{
    public IViewWriter Views => writer;

    public async ValueTask<IReadOnlyList<object>> HistoryAsync(string stream, CancellationToken ct)
    {
        var events = new List<object>();
        await foreach (var recorded in store.ReadStreamAsync(stream, ct: ct))
        {
            // Later events exist when catching up; the view must not see the future.
            if (recorded.Position > writer.Position)
            {
                break;
            }

            events.Add(serializer.Deserialize(recorded));
        }

        return events;
    }
}
