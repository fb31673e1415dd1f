using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Sqlite;

// Sums: SQLite's own sum() adds doubles (a weighted completion of 37.125 could round either way), so the store hands back
// each admitted document's fields as their JSON text (`->` keeps the number as written, a string in its quotes) and adds
// them as decimals here. Two short texts a row, not the documents: the JSON is read where it lies.
public sealed partial class SqliteViewStore
{
    public async Task<IReadOnlyList<decimal>> SumAsync(ViewPageQuery query, IReadOnlyList<ViewSum> sums, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sums);
        query.Validate();
        var fields = new List<string>();
        foreach (var sum in sums)
        {
            sum.Validate();
            fields.Add(sum.Field);
            if (sum.Times is { } times)
            {
                fields.Add(times);
            }
        }

        var totals = new decimal[sums.Count];
        if (fields.Count == 0)
        {
            return totals;
        }

        await EnsurePageIndexAsync(query.View, query.Sort.Field, null, ct);
        if (query.Filters.FirstOrDefault(f => f.Seeks) is { } seek)
        {
            await EnsurePageIndexAsync(query.View, query.Sort.Field, seek.Field, ct);
        }

        var parameters = new List<(string Name, object Value)>();
        var where = Where(query, parameters);
        var columns = string.Join(", ", fields.Select(f => $"json -> '$.{f}'"));
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = Command(connection, $"SELECT {columns} FROM view_documents WHERE {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new decimal?[fields.Count];
        while (await reader.ReadAsync(ct))
        {
            for (var f = 0; f < fields.Count; f++)
            {
                values[f] = await reader.IsDBNullAsync(f, ct) ? null : ViewFields.ParseNumber(reader.GetString(f));
            }

            var column = 0;
            for (var i = 0; i < sums.Count; i++)
            {
                var value = values[column++];
                var times = sums[i].Times is null ? 1m : values[column++];
                if (value is { } v && times is { } t)
                {
                    totals[i] += v * t;
                }
            }
        }

        return totals;
    }
}
