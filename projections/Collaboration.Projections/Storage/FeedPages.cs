using Collaboration.Projections.Running;

namespace Collaboration.Projections.Storage;

/// <summary>Reads a feed newest first, the same way for every view store.</summary>
public static class FeedPages
{
    private const int Page = 1_000;

    /// <summary>
    /// The newest <paramref name="limit"/> entries visible to <paramref name="audiences"/>, a page at a time: a partner's
    /// few entries may sit far back. But not without end: a caller who sees almost nothing would otherwise make every
    /// request read the whole feed, so no more than <see cref="FeedLimits.MaxRowsScanned"/> rows are looked at.
    /// </summary>
    /// <param name="olderThan">Given a position and a page size, up to that many entries before the position, newest first.</param>
    /// <param name="audiences">Whose entries count; every row read counts against the bound, visible or not.</param>
    /// <param name="limit">How many visible entries to return at most.</param>
    public static async Task<IReadOnlyList<StoredView>> LatestVisibleAsync(
        Func<long, int, Task<List<StoredView>>> olderThan, IReadOnlySet<string>? audiences, int limit)
    {
        ArgumentNullException.ThrowIfNull(olderThan);
        var result = new List<StoredView>();
        var before = long.MaxValue;
        for (var scanned = 0; result.Count < limit && scanned < FeedLimits.MaxRowsScanned; scanned += Page)
        {
            var page = await olderThan(before, Page);
            result.AddRange(page.Where(d => d.Scope.IsVisibleTo(audiences)).Take(limit - result.Count));
            if (page.Count < Page)
            {
                break;
            }

            before = page[^1].Position;
        }

        return result;
    }
}
