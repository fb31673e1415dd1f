using Collaboration.Projections.Running;

namespace Collaboration.Projections.Storage;

/// <summary>Cuts rows read in position order into one page of <see cref="StoredChanges"/>, never splitting a position.</summary>
public static class ChangePages
{
    /// <param name="rows">Rows after <paramref name="sincePosition"/>, in position order.</param>
    /// <param name="incompleteFrom">The first position at which rows may exist that were not read; null when none were left out.</param>
    /// <param name="sincePosition">The position the caller has seen; the page's Next when nothing was read.</param>
    /// <param name="audiences">Whose rows are returned; every row read counts against the bound, visible or not.</param>
    /// <param name="maxRows">The most rows in one page, but for a single position that alone holds more.</param>
    /// <param name="atPosition">Every row of one position, for the rare page where a single position holds more than a page.</param>
    public static async Task<StoredChanges> CutAsync(
        IReadOnlyList<StoredView> rows,
        long? incompleteFrom,
        long sincePosition,
        IReadOnlySet<string>? audiences,
        int maxRows,
        Func<long, Task<IReadOnlyList<StoredView>>> atPosition)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var bound = incompleteFrom;
        var page = rows.Where(r => bound is null || r.Position < bound).ToList();
        if (page.Count > maxRows)
        {
            bound = page[maxRows].Position;
            page = [.. page.Where(r => r.Position < bound)];
        }

        if (bound is not { } next)
        {
            return new StoredChanges(Visible(page, audiences), page.Count == 0 ? sincePosition : page[^1].Position, HasMore: false);
        }

        if (page.Count == 0)
        {
            return new StoredChanges(Visible(await atPosition(next), audiences), next, HasMore: true);
        }

        return new StoredChanges(Visible(page, audiences), next - 1, HasMore: true);
    }

    /// <summary>
    /// A page from documents and feed entries, each read in position order with one row more than
    /// <paramref name="maxRows"/>: that extra row tells whether its source was cut, and where.
    /// </summary>
    public static Task<StoredChanges> CutMergedAsync(
        IReadOnlyList<StoredView> documents,
        IReadOnlyList<StoredView> feeds,
        long sincePosition,
        IReadOnlySet<string>? audiences,
        int maxRows,
        Func<long, Task<IReadOnlyList<StoredView>>> atPosition)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(feeds);
        long? incompleteFrom = null;
        if (documents.Count > maxRows)
        {
            incompleteFrom = documents[maxRows].Position;
        }

        if (feeds.Count > maxRows)
        {
            incompleteFrom = Math.Min(incompleteFrom ?? long.MaxValue, feeds[maxRows].Position);
        }

        var rows = documents.Concat(feeds).OrderBy(d => d.Position).ThenBy(d => d.View, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
        return CutAsync(rows, incompleteFrom, sincePosition, audiences, maxRows, atPosition);
    }

    /// <summary>A page of rows that are all at hand (in memory).</summary>
    public static Task<StoredChanges> Cut(IReadOnlyList<StoredView> allRows, long sincePosition, IReadOnlySet<string>? audiences, int maxRows) =>
        CutAsync(allRows, null, sincePosition, audiences, maxRows,
            position => Task.FromResult<IReadOnlyList<StoredView>>([.. allRows.Where(r => r.Position == position)]));

    private static List<StoredView> Visible(IEnumerable<StoredView> rows, IReadOnlySet<string>? audiences) =>
        [.. rows.Where(r => r.Scope.IsVisibleTo(audiences))];
}
