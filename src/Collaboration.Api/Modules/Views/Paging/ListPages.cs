using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Modules.Views.Paging;

/// <summary>
/// Reads a list's page through the visibility policy (<see cref="IViewQueries"/>): the store filters, sorts and counts, so a
/// page costs one bounded index walk and one count whatever the size of the view.
/// </summary>
public static class ListPages
{
    /// <summary>A page of redacted documents, each mapped to an item.</summary>
    public static Task<ListPage<T>> ReadAsync<T>(
        this IViewQueries queries, Caller caller, string view, Paging paging, IReadOnlyList<ViewFilter> filters, Func<ViewChange, T> map, CancellationToken ct) =>
        ReadAsync(q => queries.PageAsync(caller, q, ct), view, paging, filters, map);

    /// <summary>A page of unredacted documents with the policy's verdict, each mapped to an item.</summary>
    public static Task<ListPage<T>> ReadWithVerdictsAsync<T>(
        this IViewQueries queries, Caller caller, string view, Paging paging, IReadOnlyList<ViewFilter> filters, Func<StoredView, Verdict, T> map, CancellationToken ct) =>
        ReadAsync(q => queries.PageWithVerdictsAsync(caller, q, ct), view, paging, filters, d => map(d.Document, d.Verdict));

    private static async Task<ListPage<T>> ReadAsync<TDoc, T>(
        Func<ViewPageQuery, Task<VisiblePage<TDoc>>> read, string view, Paging paging, IReadOnlyList<ViewFilter> filters, Func<TDoc, T> map)
    {
        var page = await read(new ViewPageQuery(view, null, filters, paging.Sort, paging.After, paging.Limit));
        return new ListPage<T>([.. page.Items.Select(map)], page.Total, page.Next is { } next ? paging.Cursor(next) : null);
    }
}
