using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// Reads event rows through the native statement API. Reading is the hot path of catch-up and replay: this
/// avoids the ADO.NET per-column overhead (and SQLitePCLRaw's, see <see cref="SqliteColumns"/>), decodes each distinct
/// stream and type name once per page, and puts the data, metadata and hash of a row in one allocation.
/// </summary>
internal sealed class NativeEventReader
{
    // Columns, in this order: position, event_id, stream, revision, type, data, metadata, timestamp, hash.
    public const string Columns = "position, event_id, stream, revision, type, data, metadata, timestamp, hash";

    private readonly NameCache streams = new();
    private readonly NameCache types = new();
    private byte[] scratch = new byte[256];

    /// <summary>Runs <paramref name="sql"/> (whose parameters are ?1.. bound by <paramref name="bind"/>) and maps every row.</summary>
    public List<RecordedEvent> Read(SqliteConnection connection, string sql, Action<sqlite3_stmt> bind, int capacity, long? firstPosition)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            bind(statement);
            var columns = new SqliteColumns(statement);
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

                var position = columns.Int64(0);
                if (firstPosition is not null)
                {
                    // $all must be dense: a missing position means damage, never something to skip over.
                    if (position != expected)
                    {
                        throw new LogGapException(expected, position);
                    }

                    expected++;
                }

                page.Add(Map(columns, position));
            }
        }
    }

    private RecordedEvent Map(SqliteColumns columns, long position)
    {
        var id = Small(columns, 1);
        var eventId = new Guid(id, bigEndian: true);
        var stream = streams.Get(Small(columns, 2));
        var type = types.Get(Small(columns, 4));
        var dataLength = columns.BlobLength(5, out var data);
        var metadataLength = columns.BlobLength(6, out var metadata);
        var hashLength = columns.BlobLength(8, out var hash);
        var buffer = new byte[dataLength + metadataLength + hashLength];
        columns.CopyBlob(5, data, buffer, 0, dataLength);
        columns.CopyBlob(6, metadata, buffer, dataLength, metadataLength);
        columns.CopyBlob(8, hash, buffer, dataLength + metadataLength, hashLength);
        var memory = buffer.AsMemory();
        return new RecordedEvent(
            eventId: eventId,
            stream: stream,
            revision: columns.Int64(3),
            position: position,
            type: type,
            timestamp: EventHash.FromUnixMicroseconds(columns.Int64(7)),
            data: memory[..dataLength],
            metadataJson: memory.Slice(dataLength, metadataLength),
            hash: memory[(dataLength + metadataLength)..]);
    }

    // The bytes of a short column (id, stream or type name), in a buffer reused until the next call.
    private ReadOnlySpan<byte> Small(SqliteColumns columns, int column)
    {
        var length = columns.BlobLength(column, out var bytes);
        if (scratch.Length < length)
        {
            scratch = new byte[Math.Max(length, scratch.Length * 2)];
        }

        columns.CopyBlob(column, bytes, scratch, 0, length);
        return scratch.AsSpan(0, length);
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
