using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Dashboard;

/// <summary>
/// Partner names by id (as a Guid string) from the partners view, read as pages through the visibility policy: the names a
/// page of rows needs, or the first page of the directory for a picker — never the whole view.
/// </summary>
public static class PartnerNames
{
    private static readonly ViewSort ByName = new("name.zh");

    /// <summary>The first <see cref="PageRequest.MaxLimit"/> partners by name, for pickers (a district has tens).</summary>
    public static Task<IReadOnlyDictionary<string, BilingualText>> LoadAsync(IViewQueries queries, Caller caller, CancellationToken ct = default) =>
        ReadAsync(queries, caller, [], ct);

    /// <summary>The names of the given partners the caller may see, one page per <see cref="PageRequest.MaxLimit"/> ids.</summary>
    public static async Task<IReadOnlyDictionary<string, BilingualText>> ForAsync(IViewQueries queries, Caller caller, IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var names = new Dictionary<string, BilingualText>();
        foreach (var chunk in ids.Distinct().Select(id => id.ToString("D")).Chunk(PageRequest.MaxLimit))
        {
            foreach (var (id, name) in await ReadAsync(queries, caller, [ViewFilter.AnyOf("id", chunk)], ct))
            {
                names[id] = name;
            }
        }

        return names;
    }

    private static async Task<IReadOnlyDictionary<string, BilingualText>> ReadAsync(IViewQueries queries, Caller caller, IReadOnlyList<ViewFilter> filters, CancellationToken ct)
    {
        var page = await queries.PageAsync(caller, new ViewPageQuery(ViewNames.Partners, null, filters, ByName, null, PageRequest.MaxLimit), ct);
        var names = new Dictionary<string, BilingualText>();
        foreach (var view in page.Items)
        {
            var doc = ViewDoc.Of(view.Data);
            if (!view.Removed && doc["id"].Guid is { } id)
            {
                names[id.ToString()] = doc["name"].Bilingual;
            }
        }

        return names;
    }
}
