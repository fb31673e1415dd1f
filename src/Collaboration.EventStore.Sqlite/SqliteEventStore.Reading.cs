using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collaboration.EventStore.Sqlite;

// The synchronous storage side of reading: each page is one short query on a pooled connection, so no read
// transaction outlives a page (the WAL can be checkpointed while a slow consumer works through it).
public sealed partial class SqliteEventStore
{
    private const string Columns = NativeEventReader.Columns;

    // The same columns taken from events joined to stream entries (s), which have columns of the same names.
    private static readonly string EventColumns = string.Join(", ", Columns.Split(", ").Select(static c => "e." + c));
    private const int VerifyPageSize = 16_384;

    private long? ReadStreamRevision(string stream)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT MAX(revision) FROM (
                SELECT MAX(revision) AS revision FROM stream_index WHERE stream = $stream
                UNION ALL
                SELECT MAX(revision) FROM stream_tail WHERE stream = $stream);
            """;
        command.Parameters.AddWithValue("$stream", stream);
        return command.ExecuteScalar() is long revision ? revision : null;
    }

    private ChainHead ReadChainHead()
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1;";
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ChainHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
            : new ChainHead(0, EventHash.Genesis);
    }

    private List<RecordedEvent> ReadAllPage(long fromPosition, int count)
    {
        using var connection = OpenReader();
        return new NativeEventReader().Read(
            connection,
            $"SELECT {Columns} FROM events WHERE position >= ?1 ORDER BY position LIMIT ?2;",
            statement =>
            {
                raw.sqlite3_bind_int64(statement, 1, fromPosition);
                raw.sqlite3_bind_int64(statement, 2, count);
            },
            count,
            firstPosition: fromPosition);
    }

    // One statement, so one snapshot: an entry the writer folds from the tail into the index is seen exactly once.
    // The index side comes in revision order and the (small) tail side is sorted, so the merge stops at the limit.
    private List<RecordedEvent> ReadStreamPage(string stream, bool forwards, long fromRevision, int count)
    {
        var (compare, order) = forwards ? (">=", "") : ("<=", " DESC");
        using var connection = OpenReader();
        var page = new NativeEventReader().Read(
            connection,
            $"""
            WITH s (revision, position) AS (
                SELECT revision, position FROM stream_index WHERE stream = ?1 AND revision {compare} ?2
                UNION ALL
                SELECT revision, position FROM stream_tail WHERE stream = ?1 AND revision {compare} ?2
                ORDER BY 1{order} LIMIT ?3)
            SELECT {EventColumns} FROM s CROSS JOIN events e ON e.position = s.position ORDER BY s.revision{order};
            """,
            statement =>
            {
                raw.sqlite3_bind_text(statement, 1, stream);
                raw.sqlite3_bind_int64(statement, 2, fromRevision);
                raw.sqlite3_bind_int64(statement, 3, count);
            },
            count,
            firstPosition: null);
        EnsureStreamEntriesMatch(stream, forwards, fromRevision, page);
        return page;
    }

    // The stream index is derived from the log, and only the log is hash-chained: a stream entry pointing at
    // another stream's event, or a hole, is damage to report, not something to return.
    private static void EnsureStreamEntriesMatch(string stream, bool forwards, long fromRevision, List<RecordedEvent> page)
    {
        if (page.Count == 0)
        {
            return;
        }

        // Streams are dense from revision 0, so a forward page starts exactly where it was asked to.
        var expected = forwards ? fromRevision : page[0].Revision;
        foreach (var e in page)
        {
            if (!string.Equals(e.Stream, stream, StringComparison.Ordinal) || e.Revision != expected)
            {
                throw new InvalidOperationException(
                    $"The stream index of '{stream}' does not match the log at revision {expected}: position {e.Position} holds '{e.Stream}' revision {e.Revision}.");
            }

            expected += forwards ? 1 : -1;
        }
    }

    // Ranges over the stream index and tail: only the streams under the prefix are visited, and only their first rows fetched.
    private List<RecordedEvent> ReadStreamStartsPage(string prefix, string after, int count)
    {
        using var connection = OpenReader();
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return new NativeEventReader().Read(
            connection,
            $"""
            WITH s (stream, position) AS (
                SELECT stream, position FROM stream_index WHERE stream > ?1 AND stream >= ?2 AND stream < ?3 AND revision = 0
                UNION ALL
                SELECT stream, position FROM stream_tail WHERE stream > ?1 AND stream >= ?2 AND stream < ?3 AND revision = 0
                ORDER BY 1 LIMIT ?4)
            SELECT {EventColumns} FROM s CROSS JOIN events e ON e.position = s.position ORDER BY s.stream;
            """,
            statement =>
            {
                raw.sqlite3_bind_text(statement, 1, after);
                raw.sqlite3_bind_text(statement, 2, prefix);
                raw.sqlite3_bind_text(statement, 3, upper);
                raw.sqlite3_bind_int64(statement, 4, count);
            },
            count,
            firstPosition: null);
    }

    private ChainVerification Verify(long from, long? to, IProgress<long>? progress, CancellationToken ct)
    {
        using var connection = OpenReader();
        byte[] previous;
        if (from == 1)
        {
            previous = new byte[EventHash.Size];
        }
        else
        {
            using var anchor = connection.CreateCommand();
            anchor.CommandText = "SELECT hash FROM events WHERE position = $p;";
            anchor.Parameters.AddWithValue("$p", from - 1);
            if (anchor.ExecuteScalar() is not byte[] anchorHash)
            {
                return new ChainVerification(false, from, from - 1, from - 1, $"Position {from - 1} is missing.", ReadOnlyMemory<byte>.Empty);
            }

            previous = anchorHash;
        }

        var last = to ?? long.MaxValue;
        var expected = from;
        var computed = new byte[EventHash.Size];
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM events WHERE position >= $from AND position <= $to ORDER BY position LIMIT $count;";
        var pFrom = command.Parameters.Add("$from", SqliteType.Integer);
        command.Parameters.AddWithValue("$to", last);
        command.Parameters.AddWithValue("$count", VerifyPageSize);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            pFrom.Value = expected;
            var rows = 0;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows++;
                    var position = reader.GetInt64(0);
                    if (position != expected)
                    {
                        return Bad(expected, $"Position {expected} is missing (next stored is {position}).");
                    }

                    var stored = reader.GetFieldValue<byte[]>(8);
                    var data = reader.GetFieldValue<byte[]>(5);
                    var metadata = reader.GetFieldValue<byte[]>(6);
                    EventHash.Compute(
                        previous,
                        position,
                        reader.GetString(2),
                        reader.GetInt64(3),
                        reader.GetString(4),
                        data,
                        metadata,
                        reader.GetInt64(7),
                        computed);
                    if (!computed.AsSpan().SequenceEqual(stored))
                    {
                        return Bad(position, $"The hash stored at position {position} does not match its contents and link.");
                    }

                    previous = stored;
                    expected++;
                }
            }

            progress?.Report(expected - 1);
            if (rows < VerifyPageSize)
            {
                return new ChainVerification(true, from, expected - 1, null, null, previous);
            }
        }

        ChainVerification Bad(long position, string reason) => new(false, from, position, position, reason, previous);
    }
}
