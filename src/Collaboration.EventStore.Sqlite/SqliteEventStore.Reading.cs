using Microsoft.Data.Sqlite;

namespace Collaboration.EventStore.Sqlite;

// The synchronous storage side of reading: each page is one short query on a pooled connection, so no read
// transaction outlives a page (the WAL can be checkpointed while a slow consumer works through it).
public sealed partial class SqliteEventStore
{
    private const string Columns = "position, event_id, stream, revision, type, data, metadata, timestamp, hash";
    private const int VerifyPageSize = 16_384;

    private long? ReadStreamRevision(string stream)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(revision) FROM events WHERE stream = $stream;";
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
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM events WHERE position >= $from ORDER BY position LIMIT $count;";
        command.Parameters.AddWithValue("$from", fromPosition);
        command.Parameters.AddWithValue("$count", count);
        using var reader = command.ExecuteReader();
        var page = new List<RecordedEvent>(Math.Min(count, 1024));
        var expected = fromPosition;
        var names = new StringCache();
        while (reader.Read())
        {
            var e = Map(reader, names);
            if (e.Position != expected)
            {
                throw new LogGapException(expected, e.Position);
            }

            page.Add(e);
            expected++;
        }

        return page;
    }

    private List<RecordedEvent> ReadStreamPage(string stream, bool forwards, long fromRevision, int count)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = forwards
            ? $"SELECT {Columns} FROM events WHERE stream = $stream AND revision >= $from ORDER BY revision LIMIT $count;"
            : $"SELECT {Columns} FROM events WHERE stream = $stream AND revision <= $from ORDER BY revision DESC LIMIT $count;";
        command.Parameters.AddWithValue("$stream", stream);
        command.Parameters.AddWithValue("$from", fromRevision);
        command.Parameters.AddWithValue("$count", count);
        using var reader = command.ExecuteReader();
        var page = new List<RecordedEvent>(Math.Min(count, 256));
        var names = new StringCache();
        while (reader.Read())
        {
            page.Add(Map(reader, names));
        }

        return page;
    }

    // A range over the (stream, revision) index: only the streams under the prefix are visited, and only their first rows fetched.
    private List<RecordedEvent> ReadStreamStartsPage(string prefix, string after, int count)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM events WHERE stream > $after AND stream >= $from AND stream < $to AND revision = 0 ORDER BY stream LIMIT $count;";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$from", prefix);
        command.Parameters.AddWithValue("$to", prefix[..^1] + (char)(prefix[^1] + 1));
        command.Parameters.AddWithValue("$count", count);
        using var reader = command.ExecuteReader();
        var page = new List<RecordedEvent>(Math.Min(count, 1024));
        var names = new StringCache();
        while (reader.Read())
        {
            page.Add(Map(reader, names));
        }

        return page;
    }

    private static RecordedEvent Map(SqliteDataReader reader, StringCache names) =>
        new(
            eventId: reader.GetGuid(1),
            stream: names.Get(reader.GetString(2)),
            revision: reader.GetInt64(3),
            position: reader.GetInt64(0),
            type: names.Get(reader.GetString(4)),
            timestamp: EventHash.FromUnixMicroseconds(reader.GetInt64(7)),
            data: reader.GetFieldValue<byte[]>(5),
            metadataJson: reader.GetFieldValue<byte[]>(6),
            hash: reader.GetFieldValue<byte[]>(8));

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

    // Type and stream names repeat heavily within a page; sharing one string instance per page saves memory
    // for consumers that keep events around.
    private sealed class StringCache
    {
        private string? lastStream;
        private string? lastType;

        public string Get(string value)
        {
            if (string.Equals(value, lastType, StringComparison.Ordinal))
            {
                return lastType!;
            }

            if (string.Equals(value, lastStream, StringComparison.Ordinal))
            {
                return lastStream!;
            }

            lastStream = lastType;
            lastType = value;
            return value;
        }
    }
}
