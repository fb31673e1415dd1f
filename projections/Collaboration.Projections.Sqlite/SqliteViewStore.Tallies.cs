using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Sqlite;

// Tallies: SQLite's own sum() adds doubles (a weighted completion of 37.125 could round either way), so the store hands back
// each admitted document's group text and summed fields as their JSON text (`->` keeps a number as written, a string in its
// quotes) and adds them as decimals here. A few short texts a row, not the documents: the JSON is read where it lies, once.
public sealed partial class SqliteViewStore
{
    public async Task<IReadOnlyDictionary<string, ViewTally>> TallyAsync(ViewPageQuery query, string? groupBy, IReadOnlyList<ViewSum> sums, CancellationToken ct = default)
    {
        ViewSum.ValidateTally(query, groupBy, sums);
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
        var (sql, parameters) = TallyStatement(query, groupBy, fields);
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tallies = new ViewTallies(sums.Count);
        var values = new decimal?[fields.Count];
        var adds = new decimal[sums.Count];
        while (await reader.ReadAsync(ct))
        {
            for (var f = 0; f < fields.Count; f++)
            {
                values[f] = await reader.IsDBNullAsync(f + 1, ct) ? null : ViewFields.ParseNumber(reader.GetString(f + 1));
            }

            var column = 0;
            for (var i = 0; i < sums.Count; i++)
            {
                var value = values[column++];
                adds[i] = sums[i].Of(value, sums[i].Times is null ? 1m : values[column++]);
            }

            tallies.Add(reader.GetString(0), adds);
        }

        return tallies.ToDictionary();
    }

    /// <summary>The tally's statement: per admitted document its group and the JSON text of <paramref name="fields"/>.</summary>
    internal (string Sql, List<(string Name, object Value)> Parameters) TallyStatement(ViewPageQuery query, string? groupBy, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<(string Name, object Value)>();
        var where = Where(query, parameters);
        // The group as the other stores read it: a string's text, anything else "".
        var group = groupBy is null ? "''" : $"CASE WHEN json_type(json, '$.{groupBy}') = 'text' THEN json_extract(json, '$.{groupBy}') ELSE '' END";
        var columns = string.Concat(fields.Select(f => $", json -> '$.{f}'"));
        return ($"SELECT {group}{columns} FROM {Source(query)} WHERE {where}", parameters);
    }
}
