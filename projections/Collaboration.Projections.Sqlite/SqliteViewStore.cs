using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Microsoft.Data.Sqlite;

namespace Collaboration.Projections.Sqlite;

/// <summary>
/// Read models in the SQLite log's own file, so a batch's documents and checkpoints commit in one transaction and
/// batches take their turn with the log's writer (<see cref="SqliteEventStore.WriteGate"/>). Layout:
/// <c>view_documents(projection, generation, key, position, scope, json)</c>, <c>view_feed(projection, generation,
/// position, scope, recorded_at, type, stream)</c>, <c>projection_checkpoints(projection, generation, position)</c> and
/// <c>projection_active(projection, generation, code_version)</c>. Queries read the active generation only, so a
/// rebuild can fill the next one beside it. Nothing here reads the log's own tables, except the one-time upgrade of a
/// feed written before feed entries carried their event's time, type and stream.
/// </summary>
public sealed partial class SqliteViewStore(SqliteEventStore store) : IViewStore
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS view_documents (
            projection TEXT NOT NULL, generation INTEGER NOT NULL, key TEXT NOT NULL,
            position INTEGER NOT NULL, scope TEXT NOT NULL, json TEXT NULL,
            PRIMARY KEY (projection, generation, key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS view_documents_by_position ON view_documents (position);
        CREATE TABLE IF NOT EXISTS view_feed (
            projection TEXT NOT NULL, generation INTEGER NOT NULL, position INTEGER NOT NULL, scope TEXT NOT NULL,
            recorded_at INTEGER NULL, type TEXT NULL, stream TEXT NULL,
            PRIMARY KEY (projection, generation, position)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS view_feed_by_position ON view_feed (position);
        CREATE TABLE IF NOT EXISTS projection_checkpoints (
            projection TEXT NOT NULL, generation INTEGER NOT NULL, position INTEGER NOT NULL, changed INTEGER NULL,
            PRIMARY KEY (projection, generation)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS projection_active (
            projection TEXT NOT NULL PRIMARY KEY, generation INTEGER NOT NULL, code_version INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS view_counted_fields (
            projection TEXT NOT NULL, generation INTEGER NOT NULL, field TEXT NOT NULL,
            PRIMARY KEY (projection, generation, field)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS view_value_counts (
            projection TEXT NOT NULL, generation INTEGER NOT NULL, field TEXT NOT NULL, value NOT NULL, live INTEGER NOT NULL,
            PRIMARY KEY (projection, generation, field, value)) WITHOUT ROWID;
        """;

    // How many live documents the active generation of each view holds, kept by each write transaction
    // (ViewTransaction.CountLive) in the transaction that writes them: an office list's total (no filter, every audience)
    // is then one row, not a walk of the view (31 ms of CPU at 42,000 talent cases, on every page of the list while cases
    // were being written). A document is removed by a tombstone (json NULL); rows are deleted only with their whole
    // generation (DropGenerations), which deletes its count too. Kept by the writer, not by triggers on view_documents:
    // a trigger runs for every row a rebuild writes, and cost it 7-15 %. A database from before is counted once here.
    private const string LiveCounts = """
        CREATE TABLE view_live_counts (
            projection TEXT NOT NULL, generation INTEGER NOT NULL, live INTEGER NOT NULL,
            PRIMARY KEY (projection, generation)) WITHOUT ROWID;
        INSERT INTO view_live_counts (projection, generation, live)
            SELECT projection, generation, count(*) FROM view_documents WHERE json IS NOT NULL GROUP BY projection, generation;
        """;

    // A feed written before entries carried their event: the columns are added and filled from the log once.
    private const string FeedUpgrade = """
        ALTER TABLE view_feed ADD COLUMN recorded_at INTEGER NULL;
        ALTER TABLE view_feed ADD COLUMN type TEXT NULL;
        ALTER TABLE view_feed ADD COLUMN stream TEXT NULL;
        UPDATE view_feed SET recorded_at = e.timestamp, type = e.type, stream = e.stream
        FROM events e WHERE e.position = view_feed.position;
        """;

    // A database from before checkpoints said when the documents last changed: null reads as the checkpoint itself (a
    // figure is kept a commit less long, never longer), until the generation's next change sets it.
    private const string ChangedUpgrade = "ALTER TABLE projection_checkpoints ADD COLUMN changed INTEGER NULL;";

    public const int FeedCatchUpLimit = FeedLimits.CatchUpLimit;

    private const string ActiveFeed = """
        SELECT f.projection, f.position, f.scope, f.recorded_at, f.type, f.stream FROM view_feed f
        JOIN projection_active a ON a.projection = f.projection AND a.generation = f.generation
        """;

    private const string ActiveDocuments = """
        SELECT d.projection, d.key, d.position, d.scope, d.json FROM view_documents d
        JOIN projection_active a ON a.projection = d.projection AND a.generation = d.generation
        """;

    // CROSS JOIN keeps the row table as SQLite's outer loop, so it walks the position index and stops at the LIMIT instead of
    // starting from projection_active and sorting every document of the active generations.
    private const string DocumentsByPosition = """
        SELECT d.projection, d.key, d.position, d.scope, d.json FROM view_documents d
        CROSS JOIN projection_active a ON a.projection = d.projection AND a.generation = d.generation
        """;

    private const string FeedByPosition = """
        SELECT f.projection, f.position, f.scope, f.recorded_at, f.type, f.stream FROM view_feed f
        CROSS JOIN projection_active a ON a.projection = f.projection AND a.generation = f.generation
        """;

    private const string ActiveGenerations = """
        SELECT a.projection, a.generation, a.code_version, coalesce(c.position, 0), coalesce(c.changed, c.position, 0) FROM projection_active a
        LEFT JOIN projection_checkpoints c ON c.projection = a.projection AND c.generation = a.generation
        """;

    public SqliteEventStore EventStore => store;

    // Runs the upgrade when the probe counts nothing (the table or column it looks for is not there yet).
    private static async Task UpgradeUnlessAsync(SqliteConnection connection, SqliteTransaction transaction, string probe, string upgrade, CancellationToken ct)
    {
        await using var present = connection.CreateCommand();
        present.Transaction = transaction;
        present.CommandText = probe;
        if ((long)(await present.ExecuteScalarAsync(ct))! == 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = upgrade;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(ct);
        }

        // Upgrades of a database from before, each in this transaction, each once: the kept live counts (filled from the
        // documents already there), the checkpoints' last change, the feed's event columns (filled from the log).
        await UpgradeUnlessAsync(connection, transaction, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'view_live_counts'", LiveCounts, ct);
        await UpgradeUnlessAsync(connection, transaction, "SELECT count(*) FROM pragma_table_info('projection_checkpoints') WHERE name = 'changed'", ChangedUpgrade, ct);
        await UpgradeUnlessAsync(connection, transaction, "SELECT count(*) FROM pragma_table_info('view_feed') WHERE name = 'type'", FeedUpgrade, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<ProjectionGeneration> RegisterAsync(string projection, int codeVersion, CancellationToken ct = default)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO projection_active (projection, generation, code_version) VALUES ($p, 1, $v) ON CONFLICT DO NOTHING;
            INSERT INTO projection_checkpoints (projection, generation, position, changed) VALUES ($p, 1, 0, 0) ON CONFLICT DO NOTHING;
            {ActiveGenerations} WHERE a.projection = $p;
            """;
        command.Parameters.AddWithValue("$p", projection);
        command.Parameters.AddWithValue("$v", codeVersion);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return ReadGeneration(reader);
    }

    public async Task<IReadOnlyList<ProjectionGeneration>> ReadActiveAsync(CancellationToken ct = default)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = ActiveGenerations;
        var result = new List<ProjectionGeneration>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(ReadGeneration(reader));
        }

        return result;
    }

    public async Task<long> CreateGenerationAsync(string projection, CancellationToken ct = default)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        long generation;
        await using (var next = connection.CreateCommand())
        {
            // Numbered above every generation there ever was here, leftovers included: a number is never reused.
            next.Transaction = transaction;
            next.CommandText = "SELECT coalesce(max(generation), 0) + 1 FROM projection_checkpoints WHERE projection = $p";
            next.Parameters.AddWithValue("$p", projection);
            generation = (long)(await next.ExecuteScalarAsync(ct))!;
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // Leftovers of an interrupted rebuild are dropped; the active generation is never touched.
            command.CommandText = DropGenerations("generation <> (SELECT generation FROM projection_active WHERE projection = $p)") +
                "INSERT INTO projection_checkpoints (projection, generation, position, changed) VALUES ($p, $g, 0, 0);";
            command.Parameters.AddWithValue("$p", projection);
            command.Parameters.AddWithValue("$g", generation);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return generation;
    }

    public async Task DropGenerationAsync(string projection, long generation, CancellationToken ct = default)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = DropGenerations("generation = $g");
        command.Parameters.AddWithValue("$p", projection);
        command.Parameters.AddWithValue("$g", generation);
        await command.ExecuteNonQueryAsync(ct);
    }

    public IViewDocumentReads OpenReads() => new ViewReads(store.OpenConnection);

    public async Task<IViewTransaction> BeginAsync(CancellationToken ct = default) =>
        counts.Track(await ViewTransaction.BeginAsync(store.OpenConnectionAsync, store.WriteGate, ct));

    // Everything a generation of projection $p owns, in every table that holds generations.
    private static string DropGenerations(string which) =>
        string.Concat(new[] { "view_documents", "view_feed", "projection_checkpoints", "view_live_counts", "view_counted_fields", "view_value_counts" }
            .Select(table => $"DELETE FROM {table} WHERE projection = $p AND {which};\n"));

    private static ProjectionGeneration ReadGeneration(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1), (int)reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));

    public async Task<StoredView?> GetAsync(string view, string key, CancellationToken ct = default)
    {
        var found = await QueryAsync($"{ActiveDocuments} WHERE d.projection = $view AND d.key = $key AND d.json IS NOT NULL", ct, ("$view", view), ("$key", key));
        if (found.Count == 0 && long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position))
        {
            // A feed entry's key is its position.
            found = await QueryFeedAsync($"{ActiveFeed} WHERE f.projection = $view AND f.position = $position", ct, ("$view", view), ("$position", position));
        }

        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<StoredView>> ListAsync(string view, IReadOnlySet<string>? audiences, CancellationToken ct = default)
    {
        var found = await QueryAsync($"{ActiveDocuments} WHERE d.projection = $view AND d.json IS NOT NULL ORDER BY d.key", ct, ("$view", view));
        found.AddRange(await QueryFeedAsync($"{ActiveFeed} WHERE f.projection = $view ORDER BY f.position", ct, ("$view", view)));
        return [.. found.Where(d => d.Scope.IsVisibleTo(audiences))];
    }

    public Task<IReadOnlyList<StoredView>> LatestAsync(string view, IReadOnlySet<string>? audiences, int limit, CancellationToken ct = default) =>
        FeedPages.LatestVisibleAsync(
            (before, take) => QueryFeedAsync($"{ActiveFeed} WHERE f.projection = $view AND f.position < $before ORDER BY f.position DESC LIMIT {take}", ct, ("$view", view), ("$before", before)),
            audiences,
            limit);

    public async Task<StoredChanges> ChangedSinceAsync(long sincePosition, IReadOnlySet<string>? audiences, int maxRows, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);

        // Both reads walk the position indexes and stop after one row more than a page: that row tells whether its source
        // was cut, and where. Feeds send only their newest entries, as before paging: older activity is history, not news.
        var floor = await FeedFloorAsync(ct);
        var found = await QueryAsync($"{DocumentsByPosition} WHERE d.position > $since ORDER BY d.position, d.projection, d.key LIMIT $take", ct, ("$since", sincePosition), ("$take", maxRows + 1));
        var feeds = await QueryFeedAsync($"{FeedByPosition} WHERE f.position > $since AND f.position >= $floor ORDER BY f.position LIMIT $take", ct, ("$since", sincePosition), ("$floor", floor), ("$take", maxRows + 1));
        return await ChangePages.CutMergedAsync(found, feeds, sincePosition, audiences, maxRows, async position =>
        {
            var all = await QueryAsync($"{ActiveDocuments} WHERE d.position = $p ORDER BY d.projection, d.key", ct, ("$p", position));
            all.AddRange(await QueryFeedAsync($"{ActiveFeed} WHERE f.position = $p AND f.position >= $floor", ct, ("$p", position), ("$floor", floor)));
            return all;
        });
    }

    /// <summary>The oldest feed position a catch-up still sends: that of the <see cref="FeedCatchUpLimit"/>-th newest entry.</summary>
    private async Task<long> FeedFloorAsync(CancellationToken ct)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT f.position FROM view_feed f
            CROSS JOIN projection_active a ON a.projection = f.projection AND a.generation = f.generation
            ORDER BY f.position DESC LIMIT 1 OFFSET {FeedCatchUpLimit - 1}
            """;
        return await command.ExecuteScalarAsync(ct) is long position ? position : 0;
    }

    public async Task<long?> ActiveCheckpointAsync(string projection, CancellationToken ct = default)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.position FROM projection_checkpoints c
            JOIN projection_active a ON a.projection = c.projection AND a.generation = c.generation
            WHERE c.projection = $p
            """;
        command.Parameters.AddWithValue("$p", projection);
        return await command.ExecuteScalarAsync(ct) is long position ? position : null;
    }

    private Task<List<StoredView>> QueryAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters) =>
        QueryAsync(sql, Read, ct, parameters);

    private Task<List<StoredView>> QueryFeedAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters) =>
        QueryAsync(sql, ReadFeedEntry, ct, parameters);

    private async Task<List<StoredView>> QueryAsync(string sql, Func<SqliteDataReader, StoredView> read, CancellationToken ct, (string Name, object Value)[] parameters)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = new List<StoredView>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(read(reader));
        }

        return result;
    }

    /// <summary>A row of <see cref="ActiveFeed"/>, rendered from the event it lists.</summary>
    private static StoredView ReadFeedEntry(SqliteDataReader reader)
    {
        var position = reader.GetInt64(1);
        var entry = FeedEntry.Of(position, EventHash.FromUnixMicroseconds(reader.GetInt64(3)), reader.GetString(4), reader.GetString(5));
        return new StoredView(reader.GetString(0), FeedEntry.KeyOf(position), position, ViewJson.Serialize(entry), ViewScope.Decode(reader.GetString(2)));
    }

    internal static StoredView Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        ViewScope.Decode(reader.GetString(3)));
}
