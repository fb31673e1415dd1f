using Collaboration.EventStore;
using Collaboration.EventStore.Postgres;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Npgsql;

namespace Collaboration.Projections.Postgres;

/// <summary>
/// One batch's transaction. Writes are held (the last per document wins) and sent at <see cref="CommitAsync"/> as a
/// few set-based statements (<c>unnest</c> of arrays, one per table) followed by the commit: a rebuild batch writes
/// thousands of rows, and a round trip per row would cost more than the rows. Reads see the held writes first.
/// </summary>
internal sealed class PostgresViewTransaction : IViewTransaction
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly Dictionary<(string Projection, long Generation, string Key), (long Position, ViewScope Scope, string? Json)> documents = [];
    private readonly Dictionary<(string Projection, long Generation, long Position), (FeedEntry Entry, ViewScope Scope)> feed = [];
    private readonly Dictionary<(string Projection, long Generation), long> checkpoints = [];
    private readonly List<(string Projection, long Generation, int CodeVersion)> activations = [];
    private readonly long fence;

    private PostgresViewTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, long fence)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.fence = fence;
    }

    /// <summary>Opens a transaction whose commit must still find the leader term <c>fence</c> (<see cref="PostgresLeaderTerm"/>); 0 for none.</summary>
    public static async Task<PostgresViewTransaction> BeginAsync(NpgsqlDataSource dataSource, long fence, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            return new PostgresViewTransaction(connection, await connection.BeginTransactionAsync(ct), fence);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask<StoredDocument?> ReadAsync(string projection, long generation, string key, CancellationToken ct) =>
        documents.TryGetValue((projection, generation, key), out var held)
            ? new StoredDocument(held.Json, held.Scope)
            : await PostgresViewReads.ReadAsync(connection, transaction, projection, generation, key, ct);

    public void Write(string projection, long generation, string key, long position, ViewScope scope, string? json)
    {
        ArgumentNullException.ThrowIfNull(scope);
        documents[(projection, generation, key)] = (position, scope, json);
    }

    public void Write(string projection, long generation, string key, long position, ViewScope scope, byte[]? utf8Json) =>
        Write(projection, generation, key, position, scope, utf8Json is null ? null : System.Text.Encoding.UTF8.GetString(utf8Json));

    public void AddToFeed(string projection, long generation, FeedEntry entry, ViewScope scope)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(scope);
        feed[(projection, generation, entry.Position)] = (entry, scope);
    }

    public void WriteCheckpoint(string projection, long generation, long position) => checkpoints[(projection, generation)] = position;

    public void Activate(string projection, long generation, int codeVersion) => activations.Add((projection, generation, codeVersion));

    public Task CommitAsync(CancellationToken ct) => PostgresFaults.GuardAsync(async () =>
    {
        await CommitCoreAsync(ct);
        return true;
    });

    private async Task CommitCoreAsync(CancellationToken ct)
    {
        if (fence > 0)
        {
            // Shared row lock: the next leader's advance waits for this commit, or this commit sees the advanced term.
            await using var term = new NpgsqlCommand(PostgresLeaderTerm.CurrentForShare, connection, transaction);
            var current = (long)(await term.ExecuteScalarAsync(ct) ?? 0L);
            if (current != fence)
            {
                await transaction.RollbackAsync(ct);
                throw new ViewWriterFencedException(fence, current);
            }
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        if (documents.Count > 0)
        {
            var rows = documents.ToList();
            // The active generations' live counts, moved by what these writes make live or remove, read before them (as
            // SQLite's writer does); a generation being rebuilt is counted once, when activated.
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO view_live_counts (projection, generation, live)
                SELECT w.projection, w.generation, sum((w.json IS NOT NULL)::int - (d.json IS NOT NULL)::int)
                FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) AS w (projection, generation, key, json)
                JOIN projection_active a ON a.projection = w.projection AND a.generation = w.generation
                LEFT JOIN view_documents d ON d.projection = w.projection AND d.generation = w.generation AND d.key = w.key
                GROUP BY w.projection, w.generation
                ON CONFLICT (projection, generation) DO UPDATE SET live = view_live_counts.live + excluded.live
                """,
                rows.Select(r => r.Key.Projection).ToArray(),
                rows.Select(r => r.Key.Generation).ToArray(),
                rows.Select(r => r.Key.Key).ToArray(),
                rows.Select(r => r.Value.Json).ToArray()));
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO view_documents (projection, generation, key, position, scope, json)
                SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[])
                ON CONFLICT (projection, generation, key) DO UPDATE SET position = excluded.position, scope = excluded.scope, json = excluded.json
                """,
                rows.Select(r => r.Key.Projection).ToArray(),
                rows.Select(r => r.Key.Generation).ToArray(),
                rows.Select(r => r.Key.Key).ToArray(),
                rows.Select(r => r.Value.Position).ToArray(),
                rows.Select(r => r.Value.Scope.Encode()).ToArray(),
                rows.Select(r => r.Value.Json).ToArray()));
        }

        if (feed.Count > 0)
        {
            var rows = feed.ToList();
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO view_feed (projection, generation, position, scope, recorded_at, type, stream)
                SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::bigint[], $6::text[], $7::text[])
                ON CONFLICT (projection, generation, position) DO UPDATE SET scope = excluded.scope, recorded_at = excluded.recorded_at, type = excluded.type, stream = excluded.stream
                """,
                rows.Select(r => r.Key.Projection).ToArray(),
                rows.Select(r => r.Key.Generation).ToArray(),
                rows.Select(r => r.Key.Position).ToArray(),
                rows.Select(r => r.Value.Scope.Encode()).ToArray(),
                rows.Select(r => EventHash.ToUnixMicroseconds(r.Value.Entry.RecordedAt)).ToArray(),
                rows.Select(r => r.Value.Entry.Type).ToArray(),
                rows.Select(r => r.Value.Entry.Stream).ToArray()));
        }

        // The generations whose documents or feed this transaction changed: their checkpoints say so.
        var wrote = documents.Keys.Select(k => (k.Projection, k.Generation)).Concat(feed.Keys.Select(k => (k.Projection, k.Generation))).ToHashSet();
        foreach (var ((projection, generation), position) in checkpoints)
        {
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO projection_checkpoints (projection, generation, position, changed) VALUES ($1, $2, $3, coalesce($4::bigint, 0))
                ON CONFLICT (projection, generation) DO UPDATE SET position = excluded.position,
                    changed = CASE WHEN $4::bigint IS NULL THEN projection_checkpoints.changed ELSE $4::bigint END
                """,
                projection, generation, position, wrote.Contains((projection, generation)) ? position : null));
        }

        foreach (var (projection, generation, codeVersion) in activations)
        {
            batch.BatchCommands.Add(Command("UPDATE projection_active SET generation = $2, code_version = $3 WHERE projection = $1", projection, generation, codeVersion));
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO view_live_counts (projection, generation, live)
                SELECT $1, $2, count(*) FROM view_documents WHERE projection = $1 AND generation = $2 AND json IS NOT NULL
                ON CONFLICT (projection, generation) DO UPDATE SET live = excluded.live
                """,
                projection, generation));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    public Task RollbackAsync(CancellationToken ct) => transaction.RollbackAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Without a commit nothing was sent but reads; disposing rolls the transaction back.
            await transaction.DisposeAsync();
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
