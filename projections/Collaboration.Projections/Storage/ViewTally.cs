namespace Collaboration.Projections.Storage;

/// <summary>
/// What a tally found for one value of its group field (or for all the admitted documents, ungrouped): how many documents,
/// and each <see cref="ViewSum"/> over them, in the order asked.
/// </summary>
public sealed record ViewTally(long Count, IReadOnlyList<decimal> Sums)
{
    /// <summary>The tallies of the given group values added together (a missing value adds nothing).</summary>
    public static ViewTally Of(IReadOnlyDictionary<string, ViewTally> groups, int sums, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(values);
        var count = 0L;
        var totals = new decimal[sums];
        foreach (var value in values)
        {
            if (groups.TryGetValue(value, out var tally))
            {
                count += tally.Count;
                for (var i = 0; i < sums; i++)
                {
                    totals[i] += tally.Sums[i];
                }
            }
        }

        return new ViewTally(count, totals);
    }
}
