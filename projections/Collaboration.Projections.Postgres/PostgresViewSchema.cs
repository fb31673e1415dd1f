using Npgsql;

namespace Collaboration.Projections.Postgres;

/// <summary>The read models' tables, beside the log's in the same database; created on start, idempotently.</summary>
internal static class PostgresViewSchema
{
    // Keys and names sort byte-wise ("C"), as they do in SQLite and in memory: lists come back in the same order.
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS view_documents (
            projection text COLLATE "C" NOT NULL, generation bigint NOT NULL, key text COLLATE "C" NOT NULL,
            position bigint NOT NULL, scope text NOT NULL, json text NULL,
            PRIMARY KEY (projection, generation, key));
        CREATE INDEX IF NOT EXISTS view_documents_by_position ON view_documents (position);
        CREATE TABLE IF NOT EXISTS view_feed (
            projection text COLLATE "C" NOT NULL, generation bigint NOT NULL, position bigint NOT NULL, scope text NOT NULL,
            recorded_at bigint NOT NULL, type text NOT NULL, stream text NOT NULL,
            PRIMARY KEY (projection, generation, position));
        CREATE INDEX IF NOT EXISTS view_feed_by_position ON view_feed (position);
        CREATE TABLE IF NOT EXISTS projection_checkpoints (
            projection text COLLATE "C" NOT NULL, generation bigint NOT NULL, position bigint NOT NULL,
            PRIMARY KEY (projection, generation));
        -- The checkpoint of the last commit that changed the generation's documents or feed; null (a database from before)
        -- reads as the checkpoint until the next change.
        ALTER TABLE projection_checkpoints ADD COLUMN IF NOT EXISTS changed bigint NULL;
        -- Live documents of each active generation, kept by the view writer (PostgresViewTransaction): an office list's
        -- total without walking the view.
        CREATE TABLE IF NOT EXISTS view_live_counts (
            projection text COLLATE "C" NOT NULL, generation bigint NOT NULL, live bigint NOT NULL,
            PRIMARY KEY (projection, generation));
        CREATE TABLE IF NOT EXISTS projection_active (
            projection text COLLATE "C" NOT NULL PRIMARY KEY, generation bigint NOT NULL, code_version integer NOT NULL);
        """;

    public static async Task CreateAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Two nodes starting at once would race on CREATE TABLE IF NOT EXISTS (it is not atomic in PostgreSQL).
        await using (var lockSchema = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('collaboration.view_schema'));", connection, transaction))
        {
            await lockSchema.ExecuteNonQueryAsync(ct);
        }

        bool counted;
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('view_live_counts') IS NOT NULL", connection, transaction))
        {
            counted = (bool)(await exists.ExecuteScalarAsync(ct))!;
        }

        await using (var create = new NpgsqlCommand(Tables, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        if (!counted)
        {
            // A database from before the kept counts: its documents counted once, in the transaction that creates the table.
            await using var fill = new NpgsqlCommand(
                "INSERT INTO view_live_counts (projection, generation, live) SELECT projection, generation, count(*) FROM view_documents WHERE json IS NOT NULL GROUP BY projection, generation",
                connection, transaction);
            await fill.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }
}
