using Npgsql;

namespace Collaboration.EventStore.Postgres;

// The durable mark that answers a group committed asynchronously under the counter's lock (ADR 0025, amendment for two nodes).
internal sealed partial class PostgresAppendWriter
{
    // Whatever this transaction sees committed has its commit record before this one's, so this commit's flush makes it
    // durable too. The mark never moves back: the head it reads only grows.
    private const string MarkDurable = """
        INSERT INTO event_log_durable (writer, position) SELECT $1, position FROM event_log_head WHERE singleton
        ON CONFLICT (writer) DO UPDATE SET position = greatest(event_log_durable.position, excluded.position)
        RETURNING position;
        """;
    private const string NotifyDurable = "SELECT pg_notify($1, position::text) FROM event_log_durable WHERE writer = $2;";

    /// <summary>
    /// After the group's COMMIT in the same batch: a synchronous transaction that marks as durable the head it sees,
    /// then (optionally) an asynchronous one that notifies the other nodes of the mark. The notification is a
    /// transaction of its own because PostgreSQL serialises notifying commits through their end: inside the marking
    /// transaction it would make the nodes' flushes take turns again.
    /// </summary>
    private void AddDurableMark(NpgsqlBatch batch, bool notify)
    {
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN;"));
        batch.BatchCommands.Add(Command(MarkDurable, id));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT;"));
        if (notify)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN;"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(Asynchronously));
            batch.BatchCommands.Add(Command(NotifyDurable, channel, id));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT;"));
        }
    }

    /// <summary>Reads the mark from the current result and drains the rest of the batch, so every COMMIT has returned.</summary>
    private async Task ReadDurableMarkAsync(NpgsqlDataReader reader)
    {
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("Marking the group durable returned no row.");
        }

        Durable = Math.Max(Durable, reader.GetInt64(0));
        while (await reader.NextResultAsync())
        {
        }
    }
}
