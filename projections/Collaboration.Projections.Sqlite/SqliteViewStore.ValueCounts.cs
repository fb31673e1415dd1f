using System.Collections.Concurrent;
using Collaboration.Projections.Storage;
using Microsoft.Data.Sqlite;

namespace Collaboration.Projections.Sqlite;

// Counts by one field's values, kept: an office count of a view by the values of one field (the open talent cases, the
// feedback waiting for triage) walked every matching row of the field's index, and SQLite looks each one up in the table
// to test it (an index on a JSON expression is never covering on a WITHOUT ROWID table): 40 ms for the 36,000 open cases
// of the load driver's day, again after each commit. The first such count of a (view, field) marks the field counted in
// the active generation (view_counted_fields) and counts its values once (view_value_counts); from then on every write
// transaction keeps them (ViewTransaction.CountValues), a rebuilt generation is counted when it is activated, and both
// go with their generation. Any other count (audiences, several filters, ranges) is walked as before.
public sealed partial class SqliteViewStore
{
    // How long a first count waits for the write gate to mark its field, and how long after a failed mark (a busy gate, a
    // view with no generation yet, a database that takes no write) the field's counts are walked before it is tried again.
    private static readonly TimeSpan MarkWait = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MarkRetry = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string View, string Field), long> unmarkedUntil = new();

    /// <summary>The kept count for <paramref name="query"/> when it is an office count by one field's values; null when it must be walked.</summary>
    private async Task<long?> KeptValueCountAsync(SqliteConnection connection, ViewPageQuery query, CancellationToken ct)
    {
        if (query.Audiences is not null || query.Filters is not [{ Kind: ViewFilterKind.AnyOf } filter])
        {
            return null;
        }

        if (await ReadKeptAsync(connection, query.View, filter, ct) is { } kept)
        {
            return kept;
        }

        var slot = (query.View, filter.Field);
        if (unmarkedUntil.TryGetValue(slot, out var until) && Environment.TickCount64 < until)
        {
            return null;
        }

        if (!await MarkCountedAsync(query.View, filter.Field, ct))
        {
            unmarkedUntil[slot] = Environment.TickCount64 + (long)MarkRetry.TotalMilliseconds;
            return null;
        }

        unmarkedUntil.TryRemove(slot, out _);
        return await ReadKeptAsync(connection, query.View, filter, ct);
    }

    // One statement, one snapshot: whether the active generation counts the field, and its count.
    private static async Task<long?> ReadKeptAsync(SqliteConnection connection, string view, ViewFilter filter, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        var values = filter.Values.Select((value, i) =>
        {
            command.Parameters.AddWithValue($"$v{i}", value);
            return $"$v{i}";
        }).ToList();
        command.CommandText = $"""
            SELECT EXISTS (SELECT 1 FROM view_counted_fields m JOIN projection_active a ON a.projection = m.projection AND a.generation = m.generation
                           WHERE m.projection = $view AND m.field = $field),
                   coalesce((SELECT sum(c.live) FROM view_value_counts c JOIN projection_active a ON a.projection = c.projection AND a.generation = c.generation
                             WHERE c.projection = $view AND c.field = $field AND c.value IN ({(values.Count == 0 ? "NULL" : string.Join(", ", values))})), 0)
            """;
        command.Parameters.AddWithValue("$view", view);
        command.Parameters.AddWithValue("$field", filter.Field);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0) == 1 ? reader.GetInt64(1) : null;
    }

    /// <summary>
    /// Marks the field counted in the view's active generation and counts its values, in one transaction under the write
    /// gate, so that no write transaction runs between the count and the mark. False when it could not be done now.
    /// </summary>
    private async Task<bool> MarkCountedAsync(string view, string field, CancellationToken ct)
    {
        if (!await store.WriteGate.WaitAsync(MarkWait, ct))
        {
            return false;
        }

        try
        {
            await using var connection = await store.OpenConnectionAsync(ct);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using (var mark = connection.CreateCommand())
            {
                mark.Transaction = transaction;
                mark.CommandText = """
                    INSERT INTO view_counted_fields (projection, generation, field)
                        SELECT projection, generation, $field FROM projection_active WHERE projection = $view
                    ON CONFLICT DO NOTHING
                    """;
                mark.Parameters.AddWithValue("$view", view);
                mark.Parameters.AddWithValue("$field", field);
                if (await mark.ExecuteNonQueryAsync(ct) != 1)
                {
                    // No active generation to count yet (or another process marked it first).
                    return false;
                }
            }

            await using (var count = connection.CreateCommand())
            {
                count.Transaction = transaction;
                count.CommandText = $"""
                    DELETE FROM view_value_counts WHERE projection = $view AND field = $field
                        AND generation = (SELECT generation FROM projection_active WHERE projection = $view);
                    {CountValues("$view", "(SELECT generation FROM projection_active WHERE projection = $view)", "$field")};
                    """;
                count.Parameters.AddWithValue("$view", view);
                count.Parameters.AddWithValue("$field", field);
                await count.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return true;
        }
        catch (SqliteException)
        {
            // Reads must keep working through a storage fault (ADR 0017): this count is walked.
            return false;
        }
        finally
        {
            store.WriteGate.Release();
        }
    }

    /// <summary>The statement that counts the live documents of a generation by the values of a field, as the page queries read them.</summary>
    internal static string CountValues(string projection, string generation, string field, string from = "view_documents d") => $"""
        INSERT INTO view_value_counts (projection, generation, field, value, live)
            SELECT d.projection, d.generation, {field}, coalesce(json_extract(d.json, '$.' || {field}), ''), count(*)
            FROM {from} WHERE d.projection = {projection} AND d.generation = {generation} AND d.json IS NOT NULL
            GROUP BY 1, 2, 3, 4
        """;
}
