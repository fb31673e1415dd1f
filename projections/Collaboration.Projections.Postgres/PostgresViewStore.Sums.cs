using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Postgres;

// Sums added up by PostgreSQL in numeric (exact, as the other stores add decimals), each document's JSON parsed once.
public sealed partial class PostgresViewStore
{
    public async Task<IReadOnlyList<decimal>> SumAsync(ViewPageQuery query, IReadOnlyList<ViewSum> sums, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sums);
        query.Validate();
        foreach (var sum in sums)
        {
            sum.Validate();
        }

        var totals = new decimal[sums.Count];
        if (sums.Count == 0)
        {
            return totals;
        }

        await EnsurePageIndexAsync(query.View, query.Sort.Field, null, ct);
        if (query.Filters.FirstOrDefault(f => f.Seeks) is { } seek)
        {
            await EnsurePageIndexAsync(query.View, query.Sort.Field, seek.Field, ct);
        }

        var parameters = new List<object>();
        var where = Where(query, parameters);
        var columns = string.Join(", ", sums.Select(s => s.Times is { } times
            ? $"coalesce(sum(CASE WHEN {IsNumber(s.Field)} AND {IsNumber(times)} THEN {Number(s.Field)} * {Number(times)} END), 0)"
            : $"coalesce(sum(CASE WHEN {IsNumber(s.Field)} THEN {Number(s.Field)} END), 0)"));
        await using var command = Command($"SELECT {columns} FROM (SELECT json::jsonb AS j FROM view_documents WHERE {where}) d", parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < sums.Count; i++)
            {
                totals[i] = reader.GetDecimal(i);
            }
        }

        return totals;
    }

    private static string Path(string field) => $"'{{{string.Join(',', ViewFields.Segments(field))}}}'";

    private static string IsNumber(string field) => $"jsonb_typeof(d.j #> {Path(field)}) = 'number'";

    private static string Number(string field) => $"(d.j #>> {Path(field)})::numeric";
}
