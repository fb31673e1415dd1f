using System.Collections.Concurrent;
using System.Text;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Npgsql;

namespace Collaboration.Projections.Postgres;

// Keyset pages over an expression index per (view, sort field): (generation, field text in "C" order, key), partial on the
// view, as in SQLite. The view and the field are written as literals (checked plain names, ViewFields) so the planner
// matches the partial index; values are parameters.
public sealed partial class PostgresViewStore
{
    private readonly ConcurrentDictionary<string, bool> pageIndexes = new(StringComparer.Ordinal);
    private readonly ViewCountCache counts = new();

    public async Task<ViewPage> PageAsync(ViewPageQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        await EnsurePageIndexesAsync(query, ct);

        var parameters = new List<object>();
        var where = Where(query, parameters);
        var countParameters = parameters.ToList();
        var sort = Field(query.Sort.Field);
        var direction = query.Sort.Descending ? "DESC" : "ASC";
        var page = new StringBuilder($"SELECT projection, key, position, scope, json, {sort} FROM view_documents WHERE {where}");
        if (query.After is { } after)
        {
            parameters.Add(after.SortValue);
            parameters.Add(after.Key);
            page.Append($" AND ({sort}, key) {(query.Sort.Descending ? "<" : ">")} (${parameters.Count - 1} COLLATE \"C\", ${parameters.Count})");
        }

        page.Append($" ORDER BY {sort} {direction}, key {direction} LIMIT {query.Limit + 1}");

        var items = new List<StoredView>();
        var values = new List<string>();
        await using (var command = Command(page.ToString(), parameters))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                items.Add(ReadDocument(reader));
                values.Add(reader.GetString(5));
            }
        }

        var total = query.CountTotal ? await CountAsync(query, where, countParameters, ct) : -1;
        var next = items.Count > query.Limit ? new ViewCursor(values[query.Limit - 1], items[query.Limit - 1].Key) : null;
        return new ViewPage(items.Count > query.Limit ? items[..query.Limit] : items, next, total);
    }

    private async Task<long> CountAsync(ViewPageQuery query, string where, List<object> parameters, CancellationToken ct)
    {
        if (query.Filters.Count == 0 && query.Audiences is null)
        {
            // Every live document of the view: the count the writer keeps (view_live_counts).
            await using var live = Command(
                "SELECT coalesce((SELECT c.live FROM view_live_counts c JOIN projection_active a ON a.projection = c.projection AND a.generation = c.generation WHERE c.projection = $1), 0)",
                [query.View]);
            return (long)(await live.ExecuteScalarAsync(ct))!;
        }

        var view = query.View;
        var countSql = $"SELECT count(*) FROM view_documents WHERE {where}";
        var (generation, changed) = await ChangedAtAsync(view, ct);
        var countKey = counts.Key(view, generation, changed, countSql, parameters);
        if (!counts.TryGet(countKey, out var total))
        {
            await using var count = Command(countSql, parameters);
            total = (long)(await count.ExecuteScalarAsync(ct))!;
            counts.Set(countKey, total);
        }

        return total;
    }

    // Read before the count: a commit in between leaves the count newer than its key, never older.
    private async Task<(long? Generation, long? Changed)> ChangedAtAsync(string view, CancellationToken ct)
    {
        await using var command = Command(
            "SELECT a.generation, coalesce(c.changed, c.position) FROM projection_active a JOIN projection_checkpoints c ON c.projection = a.projection AND c.generation = a.generation WHERE a.projection = $1",
            [view]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetInt64(1)) : (null, null);
    }

    private static string Field(string path) => $"(coalesce(json::jsonb #>> '{{{string.Join(',', ViewFields.Segments(path))}}}', '') COLLATE \"C\")";

    private static string Where(ViewPageQuery query, List<object> parameters)
    {
        var where = new StringBuilder($"projection = '{query.View}' AND generation = (SELECT generation FROM projection_active WHERE projection = '{query.View}') AND json IS NOT NULL");
        if (query.Audiences is { } audiences)
        {
            var tests = audiences.Select(audience =>
            {
                parameters.Add($" {audience} ");
                return $"strpos(' ' || scope || ' ', ${parameters.Count}) > 0";
            }).ToList();
            where.Append(tests.Count == 0 ? " AND false" : $" AND ({string.Join(" OR ", tests)})");
        }

        return where.Append(Conditions(query.Filters, parameters)).ToString();
    }

    /// <summary>The filters as SQL conditions, each led by AND, their values bound as the next positional parameters.</summary>
    private static string Conditions(IReadOnlyList<ViewFilter> filters, List<object> parameters)
    {
        var where = new StringBuilder();
        foreach (var filter in filters)
        {
            var field = Field(filter.Field);
            var names = filter.Values.Select(value =>
            {
                parameters.Add(value);
                return $"${parameters.Count}";
            }).ToList();
            where.Append(filter.Kind switch
            {
                ViewFilterKind.AnyOf when filter.Seeks => $" AND {field} = {names[0]}",
                ViewFilterKind.AnyOf => names.Count == 0 ? " AND false" : $" AND {field} IN ({string.Join(", ", names)})",
                ViewFilterKind.Before => $" AND {field} <> '' AND {field} < {names[0]}",
                _ => $" AND {field} >= {names[0]}",
            });
        }

        return where.ToString();
    }

    // With a leading field (a filter that seeks) the index is (generation, leading text, field text, key): equal on the first
    // two, the walk is in the page's order over the matching rows only.
    // The sort field's index, and the one led by the query's seeking filter when it has one.
    private async Task EnsurePageIndexesAsync(ViewPageQuery query, CancellationToken ct)
    {
        await EnsurePageIndexAsync(query.View, query.Sort.Field, null, ct);
        if (query.Filters.FirstOrDefault(f => f.Seeks) is { } seek)
        {
            await EnsurePageIndexAsync(query.View, query.Sort.Field, seek.Field, ct);
        }
    }

    private async Task EnsurePageIndexAsync(string view, string path, string? leading, CancellationToken ct)
    {
        var name = leading is null ? ViewFields.IndexName(view, path) : ViewFields.IndexName(view, leading, path);
        var columns = leading is null ? Field(path) : $"{Field(leading)}, {Field(path)}";
        if (pageIndexes.ContainsKey(name))
        {
            return;
        }

        // Built once per database on the first page asked for. Two nodes asking at once would race on IF NOT EXISTS
        // (not atomic in PostgreSQL), hence the lock. A database that refuses the write (read-only) is read without the
        // index, which is tried again next time: reads keep working through a storage fault (ADR 0017).
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var lockIndexes = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('collaboration.view_page_indexes'));", connection, transaction))
            {
                await lockIndexes.ExecuteNonQueryAsync(ct);
            }

            await using (var create = new NpgsqlCommand($"CREATE INDEX IF NOT EXISTS {name} ON view_documents (generation, {columns}, key) WHERE projection = '{view}'", connection, transaction))
            {
                await create.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            pageIndexes.TryAdd(name, true);
        }
        catch (PostgresException)
        {
        }
    }

    private NpgsqlCommand Command(string sql, IEnumerable<object> parameters)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
