using Microsoft.Data.Sqlite;

namespace Collaboration.EventStore.Sqlite;

// Checking and rebuilding the stream index, which is derived from the log (ADR 0010): an operator's tools, used by
// `collab verify` and `collab repair-stream-index`.
public sealed partial class SqliteEventStore
{
    /// <summary>Checks, in one snapshot, that the stream index and tail hold exactly one matching entry per event.</summary>
    public Task<StreamIndexCheck> CheckStreamIndexAsync(CancellationToken ct = default) => Task.Run(() => CheckStreamIndex(ct), ct);

    /// <summary>
    /// Rebuilds the stream index and tail from the log in one transaction (the log itself is not touched), reporting
    /// the positions indexed so far; returns the number of entries written. Safe beside a running writer, in this
    /// process or another: it holds the write lock throughout (appends wait for it, none is lost), and writers
    /// reload what they know of the tail afterwards.
    /// </summary>
    public async Task<long> RebuildStreamIndexAsync(IProgress<long>? progress = null, CancellationToken ct = default)
    {
        await WriteGate.WaitAsync(ct);
        try
        {
            var written = await Task.Run(() => RebuildStreamIndex(progress, ct), ct);

            // The writer is between transactions while this process holds the gate.
            writer.ForgetTail();
            return written;
        }
        finally
        {
            WriteGate.Release();
        }
    }

    private StreamIndexCheck CheckStreamIndex(CancellationToken ct)
    {
        using var connection = OpenReader();
        using var snapshot = connection.BeginTransaction(deferred: true);
        var events = SqliteCommands.ReadHeadPosition(connection, snapshot);
        var entries = SqliteCommands.Scalar(connection, "SELECT (SELECT COUNT(*) FROM stream_index) + (SELECT COUNT(*) FROM stream_tail);", snapshot) ?? 0;
        ct.ThrowIfCancellationRequested();

        var unindexed = SqliteCommands.Scalar(connection, """
            SELECT e.position FROM events e
            WHERE NOT EXISTS (SELECT 1 FROM stream_index i WHERE i.stream = e.stream AND i.revision = e.revision AND i.position = e.position)
              AND NOT EXISTS (SELECT 1 FROM stream_tail t WHERE t.position = e.position AND t.stream = e.stream AND t.revision = e.revision)
            ORDER BY e.position LIMIT 1;
            """, snapshot);
        if (unindexed is { } missing)
        {
            return new StreamIndexCheck(events, entries, missing, $"The event at position {missing} has no matching stream entry.");
        }

        ct.ThrowIfCancellationRequested();
        var stray = SqliteCommands.Scalar(connection, """
            SELECT x.position FROM (
                SELECT stream, revision, position FROM stream_index
                UNION ALL
                SELECT stream, revision, position FROM stream_tail) x
            WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.position = x.position AND e.stream = x.stream AND e.revision = x.revision)
            ORDER BY x.position LIMIT 1;
            """, snapshot);
        if (stray is { } wrong)
        {
            return new StreamIndexCheck(events, entries, wrong, $"A stream entry names position {wrong}, which does not hold that stream and revision.");
        }

        return entries == events
            ? new StreamIndexCheck(events, entries, null, null)
            : new StreamIndexCheck(events, entries, null, $"{entries} stream entries for {events} events: some events are indexed twice.");
    }

    private long RebuildStreamIndex(IProgress<long>? progress, CancellationToken ct)
    {
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction();
        var head = SqliteCommands.ReadHeadPosition(connection, tx);
        SqliteCommands.Execute(connection, "DELETE FROM stream_tail; DELETE FROM stream_index;", tx);
        try
        {
            SqliteSchema.FillStreamIndex(connection, tx, head, done =>
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(done);
            });
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new InvalidOperationException(DuplicateRevision(connection, tx) ?? "The log holds one stream revision twice.", e);
        }

        tx.Commit();
        return head;
    }

    private static string? DuplicateRevision(SqliteConnection connection, SqliteTransaction tx)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT stream, revision, MIN(position), MAX(position) FROM events GROUP BY stream, revision HAVING COUNT(*) > 1 LIMIT 1;";
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? $"The log holds revision {reader.GetInt64(1)} of '{reader.GetString(0)}' twice (positions {reader.GetInt64(2)} and {reader.GetInt64(3)}): the log itself was altered; verify the chain."
            : null;
    }
}
