using Collaboration.Projections.Running;

namespace Collaboration.Projections.Storage;

/// <summary>
/// One page of a view's live documents: those <paramref name="Audiences"/> may see (all when null) that pass every filter,
/// in <paramref name="Sort"/> order with the key breaking ties, after <paramref name="After"/>, at most
/// <paramref name="Limit"/>. Keyset paging: the cursor names the last row's sort value and key, so a page neither
/// repeats nor skips a document when others are inserted before it.
/// </summary>
public sealed record ViewPageQuery(string View, IReadOnlySet<string>? Audiences, IReadOnlyList<ViewFilter> Filters, ViewSort Sort, ViewCursor? After, int Limit)
{
    /// <summary>
    /// False for a caller that walks the pages and shows no total (a partner's portfolio): the store then does not count,
    /// and the page's <see cref="ViewPage.Total"/> is -1. Counting is a second query over every admitted document, per page.
    /// </summary>
    public bool CountTotal { get; init; } = true;

    /// <summary>Throws when a name could not be written into a query and its index as is (the stores inline them).</summary>
    public void Validate()
    {
        ViewFields.ThrowIfNotAName(View);
        ViewFields.ThrowIfNotAPath(Sort.Field);
        foreach (var filter in Filters)
        {
            ViewFields.ThrowIfNotAPath(filter.Field);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1);
    }

    /// <summary>True when a document passes the audiences and every filter (the in-memory store's test, and the reference for the SQL ones).</summary>
    public bool Admits(StoredView document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Json is not null && document.Scope.IsVisibleTo(Audiences) && ViewFilter.AllAdmit(Filters, document.Json);
    }
}
