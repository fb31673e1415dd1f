using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;

namespace Collaboration.EventStore.Postgres;

/// <summary>The rows a group reads and writes inside its transaction.</summary>
internal sealed partial class PostgresAppendWriter
{
    private readonly record struct StoredEvent(string Stream, long Revision, long Position);

    /// <summary>What one group knows inside its transaction: the head it advances, and the streams and ids it has seen.</summary>
    private sealed class Group(long head, byte[] hash)
    {
        public long Head { get; set; } = head;

        public byte[] Hash { get; set; } = hash;

        public Dictionary<string, long> Revisions { get; } = new(StringComparer.Ordinal);

        public Dictionary<Guid, StoredEvent> Existing { get; } = [];
    }

    /// <summary>The group's rows as columns, inserted with one <c>unnest</c>.</summary>
    private sealed class EventRows
    {
        private readonly List<long> positions = [];
        private readonly List<Guid> ids = [];
        private readonly List<string> streams = [];
        private readonly List<long> revisions = [];
        private readonly List<string> types = [];
        private readonly List<byte[]> data = [];
        private readonly List<byte[]> metadata = [];
        private readonly List<long> timestamps = [];
        private readonly List<byte[]> hashes = [];

        public int Count => positions.Count;

        public void Add(long position, Guid id, string stream, long revision, string type, byte[] data, byte[] metadata, long timestamp, byte[] hash)
        {
            positions.Add(position);
            ids.Add(id);
            streams.Add(stream);
            revisions.Add(revision);
            types.Add(type);
            this.data.Add(data);
            this.metadata.Add(metadata);
            timestamps.Add(timestamp);
            hashes.Add(hash);
        }

        /// <summary>The rows as the append function takes them: positions follow the head, hashes as the node computed them.</summary>
        public NpgsqlBatchCommand ToFunctionCall(string sql, long expectedHead) => Command(sql, [expectedHead, .. Columns()]);

        public NpgsqlBatchCommand ToCommand(string sql) => Command(sql, [Array(positions.ToArray(), NpgsqlDbType.Bigint), .. Columns()]);

        /// <summary>Every column but the position, in the order both statements take them.</summary>
        private object[] Columns() =>
        [
            Array(ids.ToArray(), NpgsqlDbType.Uuid),
            Array(streams.ToArray(), NpgsqlDbType.Text),
            Array(revisions.ToArray(), NpgsqlDbType.Bigint),
            Array(types.ToArray(), NpgsqlDbType.Text),
            Array(data.ToArray(), NpgsqlDbType.Bytea),
            Array(metadata.ToArray(), NpgsqlDbType.Bytea),
            Array(timestamps.ToArray(), NpgsqlDbType.Bigint),
            Array(hashes.ToArray(), NpgsqlDbType.Bytea),
        ];
    }
}
