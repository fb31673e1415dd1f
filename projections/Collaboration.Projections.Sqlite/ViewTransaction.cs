using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collaboration.Projections.Sqlite;

/// <summary>
/// One batch's write transaction over the read models, shared by every projection in the batch, with its statements
/// prepared once and driven through SQLite's own statement API: a rebuild writes hundreds of thousands of feed
/// entries and documents, and building ADO.NET commands and readers per row cost more than the writes themselves.
/// </summary>
internal sealed class ViewTransaction : IViewTransaction
{
    internal const string SelectDocument = "SELECT json, scope FROM view_documents WHERE projection = ?1 AND generation = ?2 AND key = ?3";

    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly SemaphoreSlim gate;
    private readonly sqlite3_stmt upsert;
    private readonly sqlite3_stmt select;
    private readonly sqlite3_stmt checkpoint;
    private readonly HashSet<(string Projection, long Generation)> wroteTo = [];
    private (string? Projection, long Generation) lastWrote;
    private readonly sqlite3_stmt feed;
    private readonly sqlite3_stmt liveness;
    private readonly Dictionary<(string Projection, long Generation), long> liveDelta = [];
    private readonly sqlite3_stmt valueOf;
    private readonly Dictionary<(string Projection, long Generation, string Field, object Value), long> valueDelta = [];
    private Dictionary<string, long>? activeGenerations;
    private Dictionary<string, string[]>? countedFields;
    private string? feedProjection;
    private long feedGeneration;

    private ViewTransaction(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim gate)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.gate = gate;
        upsert = Prepare("""
            INSERT INTO view_documents (projection, generation, key, position, scope, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (projection, generation, key) DO UPDATE SET position = excluded.position, scope = excluded.scope, json = excluded.json
            """);
        select = Prepare(SelectDocument);
        checkpoint = Prepare("""
            INSERT INTO projection_checkpoints (projection, generation, position, changed) VALUES (?1, ?2, ?3, coalesce(?4, 0))
            ON CONFLICT (projection, generation) DO UPDATE SET position = excluded.position, changed = CASE WHEN ?4 IS NULL THEN changed ELSE ?4 END
            """);
        liveness = Prepare("SELECT json IS NOT NULL FROM view_documents WHERE projection = ?1 AND generation = ?2 AND key = ?3");
        valueOf = Prepare("SELECT coalesce(json_extract(json, ?4), '') FROM view_documents WHERE projection = ?1 AND generation = ?2 AND key = ?3 AND json IS NOT NULL");
        feed = Prepare("""
            INSERT OR REPLACE INTO view_feed (projection, generation, position, scope, recorded_at, type, stream)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """);
    }

    /// <summary>
    /// Takes this process's turn to write (<paramref name="gate"/>, shared with the log's writer), opens a connection
    /// to the log's database and begins the batch's transaction on it. Waiting on the gate instead of on SQLite's busy
    /// handler matters: the handler polls with growing sleeps (1, 2, 5, 10 ms and up), which surfaced as tens of
    /// milliseconds of latency for both the log's acknowledgements and the live push.
    /// </summary>
    public static async Task<ViewTransaction> BeginAsync(Func<CancellationToken, Task<SqliteConnection>> open, SemaphoreSlim gate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(gate);
        var connection = await open(ct);
        try
        {
            await using (var relax = connection.CreateCommand())
            {
                // Read models need atomicity, not their own fsync: documents and checkpoints commit together, so a power
                // loss can only take back whole batches, which are re-projected from the checkpoints (the log itself
                // keeps synchronous=FULL). A process crash loses nothing in WAL mode either way.
                relax.CommandText = "PRAGMA synchronous = NORMAL;";
                await relax.ExecuteNonQueryAsync(ct);
            }

            await gate.WaitAsync(ct);
            try
            {
                var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                return new ViewTransaction(connection, transaction, gate);
            }
            catch
            {
                gate.Release();
                throw;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask<StoredDocument?> ReadAsync(string projection, long generation, string key, CancellationToken ct) =>
        ValueTask.FromResult(Read(connection, select, projection, generation, key));

    internal static StoredDocument? Read(SqliteConnection connection, sqlite3_stmt select, string projection, long generation, string key)
    {
        try
        {
            Check(connection, raw.sqlite3_bind_text(select, 1, projection));
            Check(connection, raw.sqlite3_bind_int64(select, 2, generation));
            Check(connection, raw.sqlite3_bind_text(select, 3, key));
            var rc = raw.sqlite3_step(select);
            if (rc == raw.SQLITE_DONE)
            {
                return null;
            }

            if (rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }

            var json = raw.sqlite3_column_type(select, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(select, 0).utf8_to_string();
            return new StoredDocument(json, ViewScope.Decode(raw.sqlite3_column_text(select, 1).utf8_to_string()));
        }
        finally
        {
            raw.sqlite3_reset(select);
        }
    }

    public void Write(string projection, long generation, string key, long position, ViewScope scope, string? json)
    {
        var counted = CountLive(projection, generation, key, json is not null);
        BindDocument(projection, generation, key, position, scope);
        Check(json is null ? raw.sqlite3_bind_null(upsert, 6) : raw.sqlite3_bind_text(upsert, 6, json));
        Execute(upsert);
        CountValues(json is null ? null : counted, projection, generation, key, +1);
    }

    public void Write(string projection, long generation, string key, long position, ViewScope scope, byte[]? json)
    {
        var counted = CountLive(projection, generation, key, json is not null);
        BindDocument(projection, generation, key, position, scope);
        Check(json is null ? raw.sqlite3_bind_null(upsert, 6) : raw.sqlite3_bind_text(upsert, 6, json.AsSpan()));
        Execute(upsert);
        CountValues(json is null ? null : counted, projection, generation, key, +1);
    }

    private void BindDocument(string projection, long generation, string key, long position, ViewScope scope)
    {
        Wrote(projection, generation);
        Check(raw.sqlite3_bind_text(upsert, 1, projection));
        Check(raw.sqlite3_bind_int64(upsert, 2, generation));
        Check(raw.sqlite3_bind_text(upsert, 3, key));
        Check(raw.sqlite3_bind_int64(upsert, 4, position));
        Check(raw.sqlite3_bind_text(upsert, 5, scope.EncodeUtf8()));
    }

    public void AddToFeed(string projection, long generation, FeedEntry entry, ViewScope scope)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(scope);
        Wrote(projection, generation);
        // Bindings survive a reset: a rebuild adds a million entries for one projection, so its name and generation
        // are bound once, and each scope's UTF-8 is encoded once (scopes are shared per partner).
        if (!ReferenceEquals(projection, feedProjection) || generation != feedGeneration)
        {
            Check(raw.sqlite3_bind_text(feed, 1, projection));
            Check(raw.sqlite3_bind_int64(feed, 2, generation));
            (feedProjection, feedGeneration) = (projection, generation);
        }

        Check(raw.sqlite3_bind_int64(feed, 3, entry.Position));
        Check(raw.sqlite3_bind_text(feed, 4, scope.EncodeUtf8()));
        Check(raw.sqlite3_bind_int64(feed, 5, EventHash.ToUnixMicroseconds(entry.RecordedAt)));
        Check(raw.sqlite3_bind_text(feed, 6, entry.Type));
        Check(raw.sqlite3_bind_text(feed, 7, entry.Stream));
        Execute(feed);
    }

    public void WriteCheckpoint(string projection, long generation, long position)
    {
        Check(raw.sqlite3_bind_text(checkpoint, 1, projection));
        Check(raw.sqlite3_bind_int64(checkpoint, 2, generation));
        Check(raw.sqlite3_bind_int64(checkpoint, 3, position));
        // The checkpoint of the last commit that changed the generation's documents or feed; kept as it was otherwise.
        Check(wroteTo.Contains((projection, generation)) ? raw.sqlite3_bind_int64(checkpoint, 4, position) : raw.sqlite3_bind_null(checkpoint, 4));
        Execute(checkpoint);
    }

    // A rebuild writes a million documents of one generation in a row: the set is asked only when the target changes.
    private void Wrote(string projection, long generation)
    {
        if (!ReferenceEquals(projection, lastWrote.Projection) || generation != lastWrote.Generation)
        {
            lastWrote = (projection, generation);
            wroteTo.Add((projection, generation));
        }
    }

    public void Activate(string projection, long generation, int codeVersion)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The generation built beside the live one was not counted as it was written (CountLive counts the active
        // generation only): it is counted once, now that queries will read it.
        // The fields counted by their values in the generation it replaces are counted in it too (SqliteViewStore.ValueCounts).
        command.CommandText = $"""
            INSERT INTO view_counted_fields (projection, generation, field)
                SELECT projection, $g, field FROM view_counted_fields
                WHERE projection = $p AND generation = (SELECT generation FROM projection_active WHERE projection = $p)
            ON CONFLICT DO NOTHING;
            UPDATE projection_active SET generation = $g, code_version = $v WHERE projection = $p;
            INSERT INTO view_live_counts (projection, generation, live)
                SELECT $p, $g, count(*) FROM view_documents WHERE projection = $p AND generation = $g AND json IS NOT NULL
            ON CONFLICT (projection, generation) DO UPDATE SET live = excluded.live;
            DELETE FROM view_value_counts WHERE projection = $p AND generation = $g;
            {SqliteViewStore.CountValues("$p", "$g", "m.field", "view_counted_fields m JOIN view_documents d ON d.projection = m.projection AND d.generation = m.generation")};
            """;
        command.Parameters.AddWithValue("$p", projection);
        command.Parameters.AddWithValue("$g", generation);
        command.Parameters.AddWithValue("$v", codeVersion);
        command.ExecuteNonQuery();
        ActiveGenerations()[projection] = generation;
        countedFields = null;
        liveDelta.Remove((projection, generation));
        foreach (var stale in valueDelta.Keys.Where(k => k.Projection == projection && k.Generation == generation).ToList())
        {
            valueDelta.Remove(stale);
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        foreach (var ((projection, generation), delta) in liveDelta.Where(d => d.Value != 0))
        {
            await using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = """
                INSERT INTO view_live_counts (projection, generation, live) VALUES ($p, $g, $d)
                ON CONFLICT (projection, generation) DO UPDATE SET live = live + excluded.live
                """;
            count.Parameters.AddWithValue("$p", projection);
            count.Parameters.AddWithValue("$g", generation);
            count.Parameters.AddWithValue("$d", delta);
            await count.ExecuteNonQueryAsync(ct);
        }

        foreach (var ((projection, generation, field, value), delta) in valueDelta.Where(d => d.Value != 0))
        {
            await using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = """
                INSERT INTO view_value_counts (projection, generation, field, value, live) VALUES ($p, $g, $f, $v, $d)
                ON CONFLICT (projection, generation, field, value) DO UPDATE SET live = live + excluded.live
                """;
            count.Parameters.AddWithValue("$p", projection);
            count.Parameters.AddWithValue("$g", generation);
            count.Parameters.AddWithValue("$f", field);
            count.Parameters.AddWithValue("$v", value);
            count.Parameters.AddWithValue("$d", delta);
            await count.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Keeps the active generation's live count (view_live_counts) with the write about to be made: whether the document
    /// was live before, read in this transaction, against whether it will be. A generation being rebuilt is not counted as
    /// it is written — the read per document would slow the rebuild — but once, when it is activated. Takes the values of
    /// the view's counted fields off their counts (the write puts its own back, <see cref="CountValues"/>); returns those fields.
    /// </summary>
    private string[]? CountLive(string projection, long generation, string key, bool live)
    {
        if (!ActiveGenerations().TryGetValue(projection, out var active) || active != generation)
        {
            return null;
        }

        var counted = CountedFields().GetValueOrDefault(projection);
        CountValues(counted, projection, generation, key, -1);

        bool was;
        try
        {
            Check(raw.sqlite3_bind_text(liveness, 1, projection));
            Check(raw.sqlite3_bind_int64(liveness, 2, generation));
            Check(raw.sqlite3_bind_text(liveness, 3, key));
            var rc = raw.sqlite3_step(liveness);
            if (rc != raw.SQLITE_ROW && rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }

            was = rc == raw.SQLITE_ROW && raw.sqlite3_column_int(liveness, 0) == 1;
        }
        finally
        {
            raw.sqlite3_reset(liveness);
        }

        if (was != live)
        {
            liveDelta[(projection, generation)] = liveDelta.GetValueOrDefault((projection, generation)) + (live ? 1 : -1);
        }

        return counted;
    }

    /// <summary>Adds <paramref name="sign"/> to the count of each counted field's value in the document as it stands (none when it is removed).</summary>
    private void CountValues(string[]? fields, string projection, long generation, string key, int sign)
    {
        foreach (var field in fields ?? [])
        {
            try
            {
                Check(raw.sqlite3_bind_text(valueOf, 1, projection));
                Check(raw.sqlite3_bind_int64(valueOf, 2, generation));
                Check(raw.sqlite3_bind_text(valueOf, 3, key));
                Check(raw.sqlite3_bind_text(valueOf, 4, "$." + field));
                var rc = raw.sqlite3_step(valueOf);
                if (rc == raw.SQLITE_DONE)
                {
                    continue;
                }

                if (rc != raw.SQLITE_ROW)
                {
                    SqliteException.ThrowExceptionForRC(rc, connection.Handle);
                }

                // The value as SQLite compares it: the count is read with the same comparison as the walk it replaces.
                object value = raw.sqlite3_column_type(valueOf, 0) switch
                {
                    raw.SQLITE_INTEGER => raw.sqlite3_column_int64(valueOf, 0),
                    raw.SQLITE_FLOAT => raw.sqlite3_column_double(valueOf, 0),
                    _ => raw.sqlite3_column_text(valueOf, 0).utf8_to_string(),
                };
                var slot = (projection, generation, field, value);
                valueDelta[slot] = valueDelta.GetValueOrDefault(slot) + sign;
            }
            finally
            {
                raw.sqlite3_reset(valueOf);
            }
        }
    }

    // The fields counted by their values in each view's active generation, read once per transaction (marking one takes the
    // write gate, so none is marked while a transaction runs).
    private Dictionary<string, string[]> CountedFields()
    {
        if (countedFields is null)
        {
            var fields = new List<(string Projection, string Field)>();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                SELECT m.projection, m.field FROM view_counted_fields m
                JOIN projection_active a ON a.projection = m.projection AND a.generation = m.generation
                """;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    fields.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            countedFields = fields.GroupBy(f => f.Projection, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.Field).ToArray(), StringComparer.Ordinal);
        }

        return countedFields;
    }

    private Dictionary<string, long> ActiveGenerations()
    {
        if (activeGenerations is null)
        {
            activeGenerations = new Dictionary<string, long>(StringComparer.Ordinal);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT projection, generation FROM projection_active";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                activeGenerations[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return activeGenerations;
    }

    public Task RollbackAsync(CancellationToken ct) => transaction.RollbackAsync(ct);

    public async ValueTask DisposeAsync()
    {
        upsert.Dispose();
        select.Dispose();
        checkpoint.Dispose();
        feed.Dispose();
        liveness.Dispose();
        valueOf.Dispose();
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            gate.Release();
            await connection.DisposeAsync();
        }
    }

    private void Execute(sqlite3_stmt statement)
    {
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    internal static sqlite3_stmt Prepare(SqliteConnection connection, string sql)
    {
        Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        return statement;
    }

    private static void Check(SqliteConnection connection, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

    private sqlite3_stmt Prepare(string sql) => Prepare(connection, sql);

    private void Check(int rc) => Check(connection, rc);
}
