using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Modules.Views.Paging;

/// <summary>
/// Reads a list's page through the visibility policy (<see cref="IViewQueries"/>): the store filters, sorts and counts;
/// what a list decides only on today's date (a commitment's status) is a residual test, for which the pages are walked
/// until one is full and the total is counted by walking them all — the one list shape whose cost grows with the view.
/// </summary>
public static class ListPages
{
    private const int WalkPage = 500;

    /// <summary>
    /// A page of redacted documents, each mapped to an item or, when <paramref name="residual"/>, left out by the map
    /// returning null.
    /// </summary>
    public static Task<ListPage<T>> ReadAsync<T>(
        this IViewQueries queries, Caller caller, string view, Paging paging, IReadOnlyList<ViewFilter> filters, Func<ViewChange, T?> map, CancellationToken ct, bool residual = false)
        where T : class =>
        WalkAsync(q => queries.PageAsync(caller, q, ct), c => (c.Key, c.Data.GetRawText()), view, paging, filters, map, residual);

    /// <summary>A page of unredacted documents with the policy's verdict, each mapped to an item or, by a residual test, left out (null).</summary>
    public static Task<ListPage<T>> ReadWithVerdictsAsync<T>(
        this IViewQueries queries, Caller caller, string view, Paging paging, IReadOnlyList<ViewFilter> filters, Func<StoredView, Verdict, T?> map, bool residual, CancellationToken ct)
        where T : class =>
        WalkAsync(q => queries.PageWithVerdictsAsync(caller, q, ct), d => (d.Document.Key, d.Document.Json!), view, paging, filters, d => map(d.Document, d.Verdict), residual);

    private static async Task<ListPage<T>> WalkAsync<TDoc, T>(
        Func<ViewPageQuery, Task<VisiblePage<TDoc>>> read, Func<TDoc, (string Key, string Json)> locate, string view, Paging paging,
        IReadOnlyList<ViewFilter> filters, Func<TDoc, T?> map, bool residual)
        where T : class
    {
        var query = new ViewPageQuery(view, null, filters, paging.Sort, paging.After, residual ? WalkPage : paging.Limit);
        if (!residual)
        {
            var page = await read(query);
            return new ListPage<T>([.. page.Items.Select(map).OfType<T>()], page.Total, page.Next is { } next ? paging.Cursor(next) : null);
        }

        var taken = new List<(TDoc Document, T Item)>();
        for (var after = paging.After; taken.Count <= paging.Limit;)
        {
            var page = await read(query with { After = after });
            foreach (var document in page.Items)
            {
                if (map(document) is { } item && taken.Count <= paging.Limit)
                {
                    taken.Add((document, item));
                }
            }

            if ((after = page.Next) is null)
            {
                break;
            }
        }

        long total = 0;
        for (ViewCursor? after = null; ;)
        {
            var page = await read(query with { After = after });
            total += page.Items.Count(d => map(d) is not null);
            if ((after = page.Next) is null)
            {
                break;
            }
        }

        string? nextCursor = null;
        if (taken.Count > paging.Limit)
        {
            var (key, json) = locate(taken[paging.Limit - 1].Document);
            nextCursor = paging.Cursor(new ViewCursor(ViewFields.Text(json, paging.Sort.Field), key));
        }

        return new ListPage<T>([.. taken.Take(paging.Limit).Select(t => t.Item)], total, nextCursor);
    }
}
