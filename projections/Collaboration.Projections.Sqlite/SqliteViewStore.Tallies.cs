using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Sqlite;

// Tallies: SQLite's own sum() adds doubles (a weighted completion of 37.125 could round either way), so the store hands back
// each admitted document's group text and summed fields as their JSON text (`->` keeps a number as written, a string in its
// quotes) and adds them as decimals here. A few short texts a row, not the documents: the JSON is read where it lies, once.
public sealed partial class SqliteViewStore
{
    public async Task<IReadOnlyDictionary<string, ViewTally>> TallyAsync(ViewPageQuery query, string? groupBy, IReadOnlyList<ViewSum> sums, CancellationToken ct = default) =>
        (await TallyClassesAsync(query, [ViewClass.Everything], groupBy, sums, ct))[ViewClass.Everything.Name];

    // Each document's class is a CASE over the classes' conditions, computed where the document lies: one pass however
    // many classes (a memorandum's statuses on a day walked its commitments once per status).
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewTally>>> TallyClassesAsync(
        ViewPageQuery query, IReadOnlyList<ViewClass> classes, string? groupBy, IReadOnlyList<ViewSum> sums, CancellationToken ct = default)
    {
        ViewSum.ValidateTally(query, groupBy, sums);
        ViewClass.Validate(classes);
        var fields = new List<string>();
        foreach (var sum in sums)
        {
            fields.Add(sum.Field);
            if (sum.Times is { } times)
            {
                fields.Add(times);
            }
        }

        await EnsurePageIndexesAsync(query, ct);
        var (sql, parameters) = TallyStatement(query, groupBy, fields, classes);
        await using var connection = await store.OpenConnectionAsync(ct);
        var (generation, changed) = await ChangedAtAsync(connection, query.View, ct);
        var key = counts.TallyKey(query.View, generation, changed, sql, parameters.Select(p => (object)$"{p.Name}={p.Value}"), classes, sums);
        if (counts.TryGetTally(key, out var kept))
        {
            return kept;
        }

        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tallies = classes.Select(_ => new ViewTallies(sums.Count)).ToArray();
        var values = new decimal?[fields.Count];
        var adds = new decimal[sums.Count];
        while (await reader.ReadAsync(ct))
        {
            for (var f = 0; f < fields.Count; f++)
            {
                values[f] = await reader.IsDBNullAsync(f + 2, ct) ? null : ViewFields.ParseNumber(reader.GetString(f + 2));
            }

            var column = 0;
            for (var i = 0; i < sums.Count; i++)
            {
                var value = values[column++];
                adds[i] = sums[i].Of(value, sums[i].Times is null ? 1m : values[column++]);
            }

            // A document no class admits (-1) is left out.
            if (reader.GetInt32(1) is var c and >= 0)
            {
                tallies[c].Add(reader.GetString(0), adds);
            }
        }

        var tallied = ViewTallies.ByClass(classes, tallies);
        counts.SetTally(key, tallied);
        return tallied;
    }

    /// <summary>The tally's statement: per admitted document its group and the JSON text of <paramref name="fields"/>.</summary>
    internal (string Sql, List<(string Name, object Value)> Parameters) TallyStatement(ViewPageQuery query, string? groupBy, IReadOnlyList<string> fields, IReadOnlyList<ViewClass>? classes = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<(string Name, object Value)>();
        var where = Where(query, parameters);
        // The group as the other stores read it: a string's text, anything else "".
        var group = groupBy is null ? "''" : $"CASE WHEN json_type(json, '$.{groupBy}') = 'text' THEN json_extract(json, '$.{groupBy}') ELSE '' END";
        var columns = string.Concat(fields.Select(f => $", json -> '$.{f}'"));
        var @class = "0";
        if (classes is { Count: > 0 } and not [{ Filters.Count: 0 }])
        {
            var whens = classes.Select((c, i) => $" WHEN 1{Conditions(c.Filters, $"class{i}_", parameters)} THEN {i}");
            @class = $"CASE{string.Concat(whens)} ELSE -1 END";
        }

        return ($"SELECT {group}, {@class}{columns} FROM {Source(query)} WHERE {where}", parameters);
    }
}
