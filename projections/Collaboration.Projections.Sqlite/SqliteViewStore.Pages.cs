using System.Collections.Concurrent;
using System.Text;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Microsoft.Data.Sqlite;

namespace Collaboration.Projections.Sqlite;

// Keyset pages over an expression index per (view, sort field): (generation, field text, key), partial on the view. The
// query names the view and the field as literals, the only way SQLite matches a partial expression index; both are checked
// plain names (ViewFields). The audiences are tested per row on the space-separated scope.
public sealed partial class SqliteViewStore
{
    private readonly ConcurrentDictionary<string, bool> pageIndexes = new(StringComparer.Ordinal);
    private readonly ViewCountCache counts = new();

    public async Task<ViewPage> PageAsync(ViewPageQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        await EnsurePageIndexesAsync(query, ct);

        // A lower bound on the sort field (a NotBefore filter) and the cursor's are two ranges on one expression, and SQLite
        // seeks on only one of them, the filter's: a page deep in OnTrack walked every row from today to its cursor (386 ms
        // p50 under load where one bound took 0.3 ms). Going forwards the page asks for the higher of them as one bound; the
        // count keeps the filters as they are.
        var countParameters = new List<(string Name, object Value)>();
        var countWhere = Where(query, countParameters);
        var merged = query.After is not null && !query.Sort.Descending
            ? query.Filters.Where(f => f.Kind == ViewFilterKind.NotBefore && f.Field == query.Sort.Field).ToList()
            : [];
        var parameters = new List<(string Name, object Value)>();
        var where = merged.Count == 0 ? countWhere : Where(query with { Filters = [.. query.Filters.Where(f => !merged.Contains(f))] }, parameters);
        if (merged.Count == 0)
        {
            parameters.AddRange(countParameters);
        }

        var sort = Field(query.Sort.Field);
        var direction = query.Sort.Descending ? "DESC" : "ASC";
        var page = new StringBuilder($"SELECT projection, key, position, scope, json, {sort} FROM {Source(query)} WHERE {where}");
        if (query.After is { } after)
        {
            // Spelled as a range on the sort field plus a tie-break, not as the row value (field, key) > (value, key): SQLite
            // does not seek an expression index on a row value, so a page deep in a view walked the index from its start
            // (1.5 s at 50,000 of 100,000 talent cases, where the first page took a millisecond).
            var (range, beyond) = query.Sort.Descending ? ("<=", "<") : (">=", ">");
            page.Append($" AND {sort} {range} $afterBound AND ({sort} {beyond} $afterValue OR key {beyond} $afterKey)");
            parameters.Add(("$afterBound", merged.Select(f => f.Values[0]).Append(after.SortValue).Max(StringComparer.Ordinal)!));
            parameters.Add(("$afterValue", after.SortValue));
            parameters.Add(("$afterKey", after.Key));
        }

        page.Append($" ORDER BY {sort} {direction}, key {direction} LIMIT {query.Limit + 1}");

        await using var connection = await store.OpenConnectionAsync(ct);
        var items = new List<StoredView>();
        var values = new List<string>();
        await using (var command = Command(connection, page.ToString(), parameters))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                items.Add(Read(reader));
                values.Add(Convert.ToString(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }

        var total = query.CountTotal ? await CountAsync(connection, query, countWhere, countParameters, ct) : -1;
        var next = items.Count > query.Limit ? new ViewCursor(values[query.Limit - 1], items[query.Limit - 1].Key) : null;
        return new ViewPage(items.Count > query.Limit ? items[..query.Limit] : items, next, total);
    }

    /// <summary>
    /// The total alone, for counters: a page of one was asked for before, and SQLite planned it along the view's primary
    /// key, reading and sorting every document of a status to hand back its first (7 statuses × 100,000 talent cases on each
    /// render of the cases page, cached count or not).
    /// </summary>
    public async Task<long> CountAsync(ViewPageQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        await EnsurePageIndexesAsync(query, ct);
        var parameters = new List<(string Name, object Value)>();
        var where = Where(query, parameters);
        await using var connection = await store.OpenConnectionAsync(ct);
        return await CountAsync(connection, query, where, parameters, ct);
    }

    /// <summary>The count's statement for a query with filters or audiences (the view's whole count is kept apart).</summary>
    internal (string Sql, List<(string Name, object Value)> Parameters) CountStatement(ViewPageQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<(string Name, object Value)>();
        return (CountSql(query, Where(query, parameters)), parameters);
    }

    private string CountSql(ViewPageQuery query, string where) => $"SELECT count(*) FROM {Source(query)} WHERE {where}";

    // Nothing runs ANALYZE on the view table, so for a statement without an ORDER BY (a count, a tally) SQLite holds the primary
    // key (projection, generation, key) and an index (generation, field, …) equally good and takes the key: it read every
    // document of the view and parsed its JSON — a portfolio's tally of one partner's few hundred cases walked all 41,000 of
    // the load driver's day, twice per request, and the overview's count of the 71 assigned cases all 36,000. The statement
    // names the index led by its seeking filter, or else the sort field's when it filters on that field (the counts sort on
    // a field they filter on, ViewCounts), where the store built it; where building failed (ADR 0017) the planner chooses.
    private string Source(ViewPageQuery query)
    {
        var name = query.Filters.FirstOrDefault(f => f.Seeks) is { } seek
            ? ViewFields.IndexName(query.View, seek.Field, query.Sort.Field)
            : query.Filters.Any(f => f.Field == query.Sort.Field) ? ViewFields.IndexName(query.View, query.Sort.Field) : null;
        return name is not null && pageIndexes.ContainsKey(name) ? $"view_documents INDEXED BY {name}" : "view_documents";
    }

    private async Task<long> CountAsync(SqliteConnection connection, ViewPageQuery query, string where, List<(string Name, object Value)> parameters, CancellationToken ct)
    {
        if (query.Filters.Count == 0 && query.Audiences is null)
        {
            // Every live document of the view: the count the database keeps (view_live_counts), exact in any transaction.
            await using var live = connection.CreateCommand();
            live.CommandText = "SELECT coalesce((SELECT c.live FROM view_live_counts c JOIN projection_active a ON a.projection = c.projection AND a.generation = c.generation WHERE c.projection = $view), 0)";
            live.Parameters.AddWithValue("$view", query.View);
            return (long)(await live.ExecuteScalarAsync(ct))!;
        }

        if (await KeptValueCountAsync(connection, query, ct) is { } kept)
        {
            return kept;
        }

        var view = query.View;
        var countSql = CountSql(query, where);
        var (generation, changed) = await ChangedAtAsync(connection, view, ct);
        var countKey = counts.Key(view, generation, changed, countSql, parameters.Select(p => (object)$"{p.Name}={p.Value}"));
        if (!counts.TryGet(countKey, out var total))
        {
            await using var count = Command(connection, countSql, parameters);
            total = (long)(await count.ExecuteScalarAsync(ct))!;
            counts.Set(countKey, total);
        }

        return total;
    }

    // Read before the count and on the same connection: a commit in between leaves the count newer than its key, never older.
    private static async Task<(long? Generation, long? Changed)> ChangedAtAsync(SqliteConnection connection, string view, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT a.generation, coalesce(c.changed, c.position) FROM projection_active a JOIN projection_checkpoints c ON c.projection = a.projection AND c.generation = a.generation WHERE a.projection = $view";
        command.Parameters.AddWithValue("$view", view);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetInt64(1)) : (null, null);
    }

    private static string Field(string path) => $"coalesce(json_extract(json, '$.{path}'), '')";

    private static string Where(ViewPageQuery query, List<(string Name, object Value)> parameters)
    {
        var where = new StringBuilder($"projection = '{query.View}' AND generation = (SELECT generation FROM projection_active WHERE projection = '{query.View}') AND json IS NOT NULL");
        if (query.Audiences is { } audiences)
        {
            var tests = audiences.Select((audience, i) =>
            {
                parameters.Add(($"$audience{i}", $" {audience} "));
                return $"instr(' ' || scope || ' ', $audience{i}) > 0";
            }).ToList();
            where.Append(tests.Count == 0 ? " AND 0" : $" AND ({string.Join(" OR ", tests)})");
        }

        return where.Append(Conditions(query.Filters, "filter", parameters)).ToString();
    }

    /// <summary>The filters as SQL conditions, each led by AND, their values bound as parameters named after <paramref name="prefix"/>.</summary>
    private static string Conditions(IReadOnlyList<ViewFilter> filters, string prefix, List<(string Name, object Value)> parameters)
    {
        var where = new StringBuilder();
        for (var f = 0; f < filters.Count; f++)
        {
            var filter = filters[f];
            var field = Field(filter.Field);
            var names = filter.Values.Select((value, v) =>
            {
                parameters.Add(($"${prefix}{f}_{v}", value));
                return $"${prefix}{f}_{v}";
            }).ToList();
            where.Append(filter.Kind switch
            {
                ViewFilterKind.AnyOf when filter.Seeks => $" AND {field} = {names[0]}",
                ViewFilterKind.AnyOf => names.Count == 0 ? " AND 0" : $" AND {field} IN ({string.Join(", ", names)})",
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

        // Built once per database on the first page asked for; IF NOT EXISTS makes every later start a lookup. Building it
        // is a write: when the database cannot take one (disk full, read-only, locked), the page is read without it and
        // the index is tried again next time — reads must keep working through a storage fault (ADR 0017).
        try
        {
            await using var connection = await store.OpenConnectionAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE INDEX IF NOT EXISTS {name} ON view_documents (generation, {columns}, key) WHERE projection = '{view}'";
            await command.ExecuteNonQueryAsync(ct);
            pageIndexes.TryAdd(name, true);
        }
        catch (SqliteException)
        {
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
