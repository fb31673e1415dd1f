using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Dashboard;

/// <summary>Counters for the dashboard: the store's count of what the caller may see with the filters, through the visibility policy.</summary>
public static class ViewCounts
{
    /// <summary>
    /// How many documents of <paramref name="view"/> the caller may see that pass every filter: the store's count alone (a page
    /// of one, read for its total before, cost a walk of the whole view when SQLite planned it along its primary key). <paramref name="sortField"/> names a field the view's list already sorts by (its index exists).
    /// </summary>
    public static async Task<long> CountAsync(this IViewQueries queries, Caller caller, string view, string sortField, params ViewFilter[] filters)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return await queries.CountAsync(caller, new ViewPageQuery(view, null, filters, new ViewSort(sortField), null, 1));
    }
}
