using Microsoft.Extensions.Logging;
using Npgsql;

namespace Collaboration.EventStore.Postgres;

/// <summary>
/// Creates and migrates the store's tables on open. Several nodes may open the same database at once: the
/// migration runs under a transaction-scoped advisory lock, so exactly one of them creates the tables.
/// </summary>
internal static partial class PostgresSchema
{
    public const int CurrentVersion = 1;

    // An arbitrary constant key for pg_advisory_xact_lock, private to this store's migrations.
    private const long MigrationLockKey = 0x436F_6C6C_6162_0012;

    // Version 1. Positions are the log's order and its primary key; event ids are unique (idempotency rests on the
    // schema); (stream, revision) is unique and is also the index stream reads use. Stream names compare as bytes
    // (COLLATE "C"), so that prefix ranges and ordering match the ordinal order of the contract. The head row is the
    // position counter every commit takes a row lock on (ADR 0012): it holds the last position and its chain hash
    // (32 zero bytes, the genesis link, for an empty log).
    private const string Version1 = """
        CREATE TABLE events (
            position bigint NOT NULL CHECK (position > 0),
            event_id uuid NOT NULL,
            stream text COLLATE "C" NOT NULL,
            revision bigint NOT NULL CHECK (revision >= 0),
            type text NOT NULL,
            data bytea NOT NULL,
            metadata bytea NOT NULL,
            timestamp_us bigint NOT NULL,
            hash bytea NOT NULL,
            CONSTRAINT events_pkey PRIMARY KEY (position),
            CONSTRAINT events_event_id_key UNIQUE (event_id),
            CONSTRAINT events_stream_revision_key UNIQUE (stream, revision)
        );
        CREATE INDEX events_stream_starts ON events (stream) WHERE revision = 0;
        CREATE TABLE event_log_head (
            singleton boolean NOT NULL DEFAULT true CHECK (singleton),
            position bigint NOT NULL CHECK (position >= 0),
            hash bytea NOT NULL,
            CONSTRAINT event_log_head_pkey PRIMARY KEY (singleton)
        );
        INSERT INTO event_log_head (singleton, position, hash) VALUES (true, 0, decode(repeat('00', 32), 'hex'));
        """;

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey});", ct);
            await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS event_store_schema (version integer NOT NULL);", ct);
            await using var read = new NpgsqlCommand("SELECT max(version) FROM event_store_schema;", connection, transaction);
            var version = await read.ExecuteScalarAsync(ct) is int v ? v : 0;
            if (version > CurrentVersion)
            {
                throw new InvalidOperationException(
                    $"The event store schema is at version {version}, newer than this build understands ({CurrentVersion}).");
            }

            if (version < 1)
            {
                await ExecuteAsync(connection, transaction, Version1, ct);
                await ExecuteAsync(connection, transaction, "INSERT INTO event_store_schema (version) VALUES (1);", ct);
                LogCreated(logger, CurrentVersion);
            }

            await transaction.CommitAsync(ct);
        }

        // The counter and the log must agree: a head behind the last row (or ahead of it) means the log was written
        // by something other than the store, and appending on top would break density or the chain.
        await using var check = new NpgsqlCommand(
            "SELECT h.position, coalesce((SELECT max(position) FROM events), 0) FROM event_log_head h;",
            connection);
        await using var reader = await check.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException("The event log head row is missing.");
        }

        var head = reader.GetInt64(0);
        var last = reader.GetInt64(1);
        if (head != last)
        {
            throw new InvalidOperationException(
                $"The event log head ({head}) does not match the last stored position ({last}); the log was changed outside the store.");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the PostgreSQL event store schema (version {Version}).")]
    private static partial void LogCreated(ILogger logger, int version);
}
