using Collaboration.EventStore.Postgres;
using Collaboration.Projections.Storage;
using Npgsql;

namespace Collaboration.Projections.Postgres;

/// <summary>
/// Read models on PostgreSQL, in the log's database: <c>view_documents</c>, <c>view_feed</c> (each entry with its
/// event's time, type and stream), <c>projection_checkpoints</c> and <c>projection_active</c>, laid out as in SQLite.
/// A batch's documents, feed entries and checkpoints are sent at commit in one transaction; a rebuild fills a new
/// generation beside the active one and swaps it in with one <c>UPDATE</c>, which other nodes' runners find through
/// <see cref="ReadActiveAsync"/>.
/// </summary>
public sealed partial class PostgresViewStore : IViewStore, IAsyncDisposable
{
    private const string ActiveGenerations = """
        SELECT a.projection, a.generation, a.code_version, coalesce(c.position, 0), coalesce(c.changed, c.position, 0) FROM projection_active a
        LEFT JOIN projection_checkpoints c ON c.projection = a.projection AND c.generation = a.generation
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly bool ownsDataSource;
    private int disposed;
    private long fence;

    public PostgresViewStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
    }

    private PostgresViewStore(NpgsqlDataSource dataSource, bool ownsDataSource)
        : this(dataSource) => this.ownsDataSource = ownsDataSource;

    /// <summary>A store on its own connection pool for <paramref name="connectionString"/>, disposed with it.</summary>
    public static PostgresViewStore Create(string connectionString) => new(NpgsqlDataSource.Create(connectionString), ownsDataSource: true);

    public Task InitializeAsync(CancellationToken ct = default) => PostgresViewSchema.CreateAsync(dataSource, ct);

    public async Task<ProjectionGeneration> RegisterAsync(string projection, int codeVersion, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO projection_active (projection, generation, code_version) VALUES (@p, 1, @v) ON CONFLICT DO NOTHING;
            INSERT INTO projection_checkpoints (projection, generation, position, changed) VALUES (@p, 1, 0, 0) ON CONFLICT DO NOTHING;
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("p", projection);
            insert.Parameters.AddWithValue("v", codeVersion);
            await insert.ExecuteNonQueryAsync(ct);
        }

        ProjectionGeneration? found = null;
        await using (var select = new NpgsqlCommand($"{ActiveGenerations} WHERE a.projection = $1", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = projection });
            await using var reader = await select.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                found = ReadGeneration(reader);
            }
        }

        await transaction.CommitAsync(ct);
        return found ?? throw new InvalidOperationException($"Projection {projection} has no active generation.");
    }

    public async Task<IReadOnlyList<ProjectionGeneration>> ReadActiveAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(ActiveGenerations);
        var result = new List<ProjectionGeneration>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(ReadGeneration(reader));
        }

        return result;
    }

    public async Task<long?> ActiveCheckpointAsync(string projection, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.position FROM projection_checkpoints c
            JOIN projection_active a ON a.projection = c.projection AND a.generation = c.generation
            WHERE c.projection = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = projection });
        return await command.ExecuteScalarAsync(ct) is long position ? position : null;
    }

    public async Task<long> CreateGenerationAsync(string projection, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The active row is locked so a swap by another node cannot slip between reading it and dropping the others;
        // the number is taken before the drop, above every generation there ever was here: it is never reused.
        await using var command = new NpgsqlCommand("""
            SELECT generation FROM projection_active WHERE projection = @p FOR UPDATE;
            SELECT coalesce(max(generation), 0) + 1 FROM projection_checkpoints WHERE projection = @p;
            """, connection, transaction);
        command.Parameters.AddWithValue("p", projection);
        long generation = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            // The first result is the lock's row (if any); the second the new number.
            do
            {
                while (await reader.ReadAsync(ct))
                {
                    generation = reader.GetInt64(0);
                }
            }
            while (await reader.NextResultAsync(ct));
        }

        await using (var replace = new NpgsqlCommand("""
            DELETE FROM view_documents WHERE projection = @p AND generation <> coalesce((SELECT generation FROM projection_active WHERE projection = @p), 0);
            DELETE FROM view_feed WHERE projection = @p AND generation <> coalesce((SELECT generation FROM projection_active WHERE projection = @p), 0);
            DELETE FROM projection_checkpoints WHERE projection = @p AND generation <> coalesce((SELECT generation FROM projection_active WHERE projection = @p), 0);
            DELETE FROM view_live_counts WHERE projection = @p AND generation <> coalesce((SELECT generation FROM projection_active WHERE projection = @p), 0);
            INSERT INTO projection_checkpoints (projection, generation, position, changed) VALUES (@p, @g, 0, 0);
            """, connection, transaction))
        {
            replace.Parameters.AddWithValue("p", projection);
            replace.Parameters.AddWithValue("g", generation);
            await replace.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return generation;
    }

    public async Task DropGenerationAsync(string projection, long generation, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            DELETE FROM view_documents WHERE projection = @p AND generation = @g;
            DELETE FROM view_feed WHERE projection = @p AND generation = @g;
            DELETE FROM projection_checkpoints WHERE projection = @p AND generation = @g;
            DELETE FROM view_live_counts WHERE projection = @p AND generation = @g;
            """);
        command.Parameters.AddWithValue("p", projection);
        command.Parameters.AddWithValue("g", generation);
        await command.ExecuteNonQueryAsync(ct);
    }

    public IViewDocumentReads OpenReads() => new PostgresViewReads(dataSource);

    public async Task<IViewTransaction> BeginAsync(CancellationToken ct = default) =>
        counts.Track(await PostgresFaults.GuardAsync(() => PostgresViewTransaction.BeginAsync(dataSource, Interlocked.Read(ref fence), ct)));

    /// <summary>
    /// From now on every transaction's commit is refused (<see cref="ViewWriterFencedException"/>) unless the cluster's
    /// leader term is still <paramref name="term"/> (<see cref="PostgresLeaderTerm"/>). Never unset: a node that stepped
    /// down keeps its last term, so its stragglers stay fenced. A store never fenced (one node, the CLI) commits freely.
    /// </summary>
    public void FenceWith(long term)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(term);
        Interlocked.Exchange(ref fence, term);
    }

    public async ValueTask DisposeAsync()
    {
        if (ownsDataSource && Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await dataSource.DisposeAsync();
        }
    }

    private static ProjectionGeneration ReadGeneration(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt64(4));
}
