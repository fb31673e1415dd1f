using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Postgres;

// Tallies grouped and added up by PostgreSQL in numeric (exact, as the other stores add decimals), each document's JSON
// parsed once.
public sealed partial class PostgresViewStore
{
    public async Task<IReadOnlyDictionary<string, ViewTally>> TallyAsync(ViewPageQuery query, string? groupBy, IReadOnlyList<ViewSum> sums, CancellationToken ct = default) =>
        (await TallyClassesAsync(query, [ViewClass.Everything], groupBy, sums, ct))[ViewClass.Everything.Name];

    // Each document's class is a CASE over the classes' conditions, grouped with the document's group in one pass.
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewTally>>> TallyClassesAsync(
        ViewPageQuery query, IReadOnlyList<ViewClass> classes, string? groupBy, IReadOnlyList<ViewSum> sums, CancellationToken ct = default)
    {
        ViewSum.ValidateTally(query, groupBy, sums);
        ViewClass.Validate(classes);
        await EnsurePageIndexesAsync(query, ct);

        var parameters = new List<object>();
        var where = Where(query, parameters);
        var @class = classes is [{ Filters.Count: 0 }]
            ? "0"
            : $"CASE{string.Concat(classes.Select((c, i) => $" WHEN true{Conditions(c.Filters, parameters)} THEN {i}"))} ELSE -1 END";
        // The group as the other stores read it: a string's text, anything else "".
        var group = groupBy is null ? "''" : $"CASE WHEN jsonb_typeof(d.j #> {Path(groupBy)}) = 'string' THEN d.j #>> {Path(groupBy)} ELSE '' END";
        var columns = string.Concat(sums.Select(s => s.Times is { } times
            ? $", coalesce(sum(CASE WHEN {IsNumber(s.Field)} AND {IsNumber(times)} THEN {Number(s.Field)} * {Number(times)} END), 0)"
            : $", coalesce(sum(CASE WHEN {IsNumber(s.Field)} THEN {Number(s.Field)} END), 0)"));
        var sql = $"SELECT {group} AS g, d.c, count(*){columns} FROM (SELECT json::jsonb AS j, {@class} AS c FROM view_documents WHERE {where}) d WHERE d.c >= 0 GROUP BY 1, 2";
        // Read before the tally (ViewCountCache): a commit in between leaves the tally newer than its key, never older.
        var (generation, changed) = await ChangedAtAsync(query.View, ct);
        var key = counts.TallyKey(query.View, generation, changed, sql, parameters, classes, sums);
        if (counts.TryGetTally(key, out var kept))
        {
            return kept;
        }

        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var groups = classes.Select(_ => new Dictionary<string, ViewTally>(StringComparer.Ordinal)).ToArray();
        while (await reader.ReadAsync(ct))
        {
            var totals = new decimal[sums.Count];
            for (var i = 0; i < sums.Count; i++)
            {
                totals[i] = reader.GetDecimal(i + 3);
            }

            groups[reader.GetInt32(1)][reader.GetString(0)] = new ViewTally(reader.GetInt64(2), totals);
        }

        var tallied = classes.Select((c, i) => (c.Name, Groups: (IReadOnlyDictionary<string, ViewTally>)groups[i]))
            .ToDictionary(c => c.Name, c => c.Groups, StringComparer.Ordinal);
        counts.SetTally(key, tallied);
        return tallied;
    }

    private static string Path(string field) => $"'{{{string.Join(',', ViewFields.Segments(field))}}}'";

    private static string IsNumber(string field) => $"jsonb_typeof(d.j #> {Path(field)}) = 'number'";

    private static string Number(string field) => $"(d.j #>> {Path(field)})::numeric";
}
