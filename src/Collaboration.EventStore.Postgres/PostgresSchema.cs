using Microsoft.Extensions.Logging;
using Npgsql;

namespace Collaboration.EventStore.Postgres;

/// <summary>
/// Creates and migrates the store's tables on open. Several nodes may open the same database at once: the
/// migration runs under a transaction-scoped advisory lock, so exactly one of them creates the tables.
/// </summary>
internal static partial class PostgresSchema
{
    public const int CurrentVersion = 3;

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

    // Version 2. The group commit as one server-side call (ADR 0025): under the counter's row lock it inserts the rows
    // the node decided against the head it expected. When other nodes committed since, it moves the group past their
    // rows and recomputes the chain from the current head (the same SHA-256 encoding as EventHash), unless one of
    // their commits touched a stream the group decided on, refused appends' streams included (the node's decisions may then be wrong: it refuses, and says
    // which streams moved). Returns how far the group moved, the new head and its hash, and the streams written
    // between the expected head and the one it found, so the node can keep what it knows of every other stream.
    // Existing event ids and stream revisions are refused by the unique constraints, not checked here.
    private static readonly string Version2 = AppendFunctionSql(channelParameter: "channel text, ", notify: "PERFORM pg_notify(channel, (head_position + n)::text);\n    ");

    // The function of version 2, with or without the notification (version 3 drops it, see there).
    private static string AppendFunctionSql(string channelParameter, string notify) => $"""
        CREATE OR REPLACE FUNCTION event_store_append(
            expected_head bigint, {channelParameter}event_ids uuid[], stream_names text[], stream_revisions bigint[],
            type_names text[], payloads bytea[], metadatas bytea[], timestamps bigint[], chain_hashes bytea[],
            decided_streams text[], max_moved bigint)
        RETURNS TABLE (moved_by bigint, new_head bigint, new_hash bytea, changed_streams text[])
        LANGUAGE plpgsql AS $fn$
        #variable_conflict use_column
        DECLARE
            head_position bigint;
            head_hash bytea;
            moved bigint;
            changed text[];
            previous bytea;
            stream_bytes bytea;
            type_bytes bytea;
            n integer := cardinality(event_ids);
        BEGIN
            SELECT h.position, h.hash INTO head_position, head_hash FROM event_log_head h WHERE h.singleton FOR UPDATE;
            moved := head_position - expected_head;
            IF moved < 0 OR moved > max_moved THEN
                RETURN QUERY SELECT NULL::bigint, head_position, head_hash, NULL::text[];
                RETURN;
            END IF;

            IF moved > 0 THEN
                SELECT array_agg(DISTINCT e.stream) INTO changed
                FROM events e WHERE e.position > expected_head AND e.position <= head_position;
                IF changed && decided_streams THEN
                    RETURN QUERY SELECT NULL::bigint, head_position, head_hash, changed;
                    RETURN;
                END IF;

                previous := head_hash;
                FOR i IN 1 .. n LOOP
                    stream_bytes := convert_to(stream_names[i], 'UTF8');
                    type_bytes := convert_to(type_names[i], 'UTF8');
                    previous := sha256(
                        previous || int8send(head_position + i)
                        || int4send(length(stream_bytes)) || stream_bytes || int8send(stream_revisions[i])
                        || int4send(length(type_bytes)) || type_bytes
                        || int4send(length(payloads[i])) || payloads[i]
                        || int4send(length(metadatas[i])) || metadatas[i]
                        || int8send(timestamps[i]));
                    chain_hashes[i] := previous;
                END LOOP;
            END IF;

            INSERT INTO events (position, event_id, stream, revision, type, data, metadata, timestamp_us, hash)
            SELECT head_position + u.ord, u.id, u.stream, u.revision, u.type, u.data, u.metadata, u.ts, u.hash
            FROM unnest(event_ids, stream_names, stream_revisions, type_names, payloads, metadatas, timestamps, chain_hashes)
                WITH ORDINALITY AS u (id, stream, revision, type, data, metadata, ts, hash, ord);
            UPDATE event_log_head SET position = head_position + n, hash = chain_hashes[n] WHERE singleton;
            {notify}RETURN QUERY SELECT moved, head_position + n, chain_hashes[n], changed;
        END
        $fn$;
        """;

    // Version 3. Durable marks (ADR 0025, amendment for two nodes): groups now commit asynchronously under the
    // counter's lock, so a committed row may not be on disk yet. Each writer then commits, synchronously, the head it
    // sees into its own row here; that flush covers every commit record before it, so the largest mark is a position
    // up to which the log is durable, and readers read only that far. One row per writer, so no two nodes wait for each
    // other's flush on it. The existing log was committed synchronously: it is marked durable as a whole. The append
    // function no longer notifies: a notification must follow the mark, or subscribers would wake before they may read.
    private static readonly string Version3 = """
        CREATE TABLE event_log_durable (
            writer uuid NOT NULL,
            position bigint NOT NULL CHECK (position >= 0),
            CONSTRAINT event_log_durable_pkey PRIMARY KEY (writer)
        );
        INSERT INTO event_log_durable (writer, position) SELECT '00000000-0000-0000-0000-000000000000', position FROM event_log_head;
        DROP FUNCTION event_store_append(bigint, text, uuid[], text[], bigint[], text[], bytea[], bytea[], bigint[], bytea[], text[], bigint);
        """ + AppendFunctionSql(channelParameter: "", notify: "");

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
                LogCreated(logger, 1);
            }

            if (version < 2)
            {
                await ExecuteAsync(connection, transaction, Version2, ct);
                await ExecuteAsync(connection, transaction, "INSERT INTO event_store_schema (version) VALUES (2);", ct);
                LogCreated(logger, 2);
            }

            if (version < 3)
            {
                await ExecuteAsync(connection, transaction, Version3, ct);
                await ExecuteAsync(connection, transaction, "INSERT INTO event_store_schema (version) VALUES (3);", ct);
                LogCreated(logger, 3);
            }

            // Every writer that ever opened left a mark, and only the largest tells readers anything: the others are
            // dropped so the table stays a few rows. A live writer whose mark is dropped writes it again with its next group.
            await ExecuteAsync(connection, transaction, "DELETE FROM event_log_durable WHERE position < (SELECT max(position) FROM event_log_durable);", ct);
            await transaction.CommitAsync(ct);
        }

        // The counter and the log must agree: a head behind the last row (or ahead of it) means the log was written
        // by something other than the store, and appending on top would break density or the chain. A durable mark
        // beyond the head would let readers past rows a crash took back (a mark is committed only after what it covers).
        await using var check = new NpgsqlCommand(
            "SELECT h.position, coalesce((SELECT max(position) FROM events), 0), (SELECT max(position) FROM event_log_durable) FROM event_log_head h;",
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

        if (await reader.IsDBNullAsync(2, ct) || reader.GetInt64(2) > head)
        {
            throw new InvalidOperationException(
                $"The event log's durable mark is missing or beyond its head ({head}); the log was changed outside the store.");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created or migrated the PostgreSQL event store schema to version {Version}.")]
    private static partial void LogCreated(ILogger logger, int version);
}
