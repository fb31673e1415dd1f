namespace Collaboration.Projections.Storage;

/// <summary>
/// Adds documents into tallies per group as a store reads them: each document's group text and what it adds to each sum
/// (<see cref="ViewSum.Of(decimal?, decimal?)"/>). Shared by the stores that add up in .NET (SQLite's decimals, the
/// interface's walk of pages).
/// </summary>
public sealed class ViewTallies(int sums)
{
    private readonly Dictionary<string, (long Count, decimal[] Sums)> groups = new(StringComparer.Ordinal);

    public void Add(string group, ReadOnlySpan<decimal> adds)
    {
        var (count, totals) = groups.TryGetValue(group, out var found) ? found : (0, new decimal[sums]);
        for (var i = 0; i < sums; i++)
        {
            totals[i] += adds[i];
        }

        groups[group] = (count + 1, totals);
    }

    /// <summary>Each class's tallies by its name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewTally>> ByClass(IReadOnlyList<ViewClass> classes, IReadOnlyList<ViewTallies> tallies)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(tallies);
        return classes.Select((c, i) => (c.Name, Tallies: tallies[i].ToDictionary())).ToDictionary(c => c.Name, c => c.Tallies, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, ViewTally> ToDictionary() =>
        groups.ToDictionary(g => g.Key, g => new ViewTally(g.Value.Count, g.Value.Sums), StringComparer.Ordinal);
}
