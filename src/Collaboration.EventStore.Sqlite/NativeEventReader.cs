using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// Reads event rows through the native statement API. Reading is the hot path of catch-up and replay: this
/// avoids the ADO.NET per-column overhead, decodes each distinct stream and type name once per page, and puts
/// the id, data, metadata and hash of a row in one allocation.
/// </summary>
internal sealed class NativeEventReader
{
    // Columns, in this order: position, event_id, stream, revision, type, data, metadata, timestamp, hash.
    public const string Columns = "position, event_id, stream, revision, type, data, metadata, timestamp, hash";

    private readonly NameCache streams = new();
    private readonly NameCache types = new();

    /// <summary>Runs <paramref name="sql"/> (whose parameters are ?1.. bound by <paramref name="bind"/>) and maps every row.</summary>
    public List<RecordedEvent> Read(SqliteConnection connection, string sql, Action<sqlite3_stmt> bind, int capacity, long? firstPosition)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            bind(statement);
            var page = new List<RecordedEvent>(Math.Min(capacity, 4_096));
            var expected = firstPosition ?? 0;
            while (true)
            {
                var rc = raw.sqlite3_step(statement);
                if (rc == raw.SQLITE_DONE)
                {
                    return page;
                }

                if (rc != raw.SQLITE_ROW)
                {
                    SqliteException.ThrowExceptionForRC(rc, db);
                }

                var position = raw.sqlite3_column_int64(statement, 0);
                if (firstPosition is not null)
                {
                    // $all must be dense: a missing position means damage, never something to skip over.
                    if (position != expected)
                    {
                        throw new LogGapException(expected, position);
                    }

                    expected++;
                }

                page.Add(Map(statement, position));
            }
        }
    }

    private RecordedEvent Map(sqlite3_stmt statement, long position)
    {
        var id = raw.sqlite3_column_blob(statement, 1);
        var data = raw.sqlite3_column_blob(statement, 5);
        var metadata = raw.sqlite3_column_blob(statement, 6);
        var hash = raw.sqlite3_column_blob(statement, 8);
        var buffer = new byte[data.Length + metadata.Length + hash.Length];
        data.CopyTo(buffer);
        metadata.CopyTo(buffer.AsSpan(data.Length));
        hash.CopyTo(buffer.AsSpan(data.Length + metadata.Length));
        var memory = buffer.AsMemory();
        return new RecordedEvent(
            eventId: new Guid(id, bigEndian: true),
            stream: streams.Get(raw.sqlite3_column_blob(statement, 2)),
            revision: raw.sqlite3_column_int64(statement, 3),
            position: position,
            type: types.Get(raw.sqlite3_column_blob(statement, 4)),
            timestamp: EventHash.FromUnixMicroseconds(raw.sqlite3_column_int64(statement, 7)),
            data: memory[..data.Length],
            metadataJson: memory.Slice(data.Length, metadata.Length),
            hash: memory[(data.Length + metadata.Length)..]);
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    /// <summary>Turns UTF-8 names into strings, reusing the string when the bytes repeat (they usually do).</summary>
    private sealed class NameCache
    {
        private readonly Dictionary<int, (byte[] Utf8, string Value)> known = [];

        public string Get(ReadOnlySpan<byte> utf8)
        {
            var hasher = default(HashCode);
            hasher.AddBytes(utf8);
            var key = hasher.ToHashCode();
            if (known.TryGetValue(key, out var entry) && utf8.SequenceEqual(entry.Utf8))
            {
                return entry.Value;
            }

            var value = Encoding.UTF8.GetString(utf8);
            if (known.Count < 4_096)
            {
                known[key] = (utf8.ToArray(), value);
            }

            return value;
        }
    }
}
