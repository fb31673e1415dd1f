using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Dashboard;

/// <summary>Partner names by id (as a Guid string) from the partners view, for pages that show owners and parties.</summary>
public static class PartnerNames
{
    public static async Task<IReadOnlyDictionary<string, BilingualText>> LoadAsync(IViewQueries queries, Caller caller)
    {
        var names = new Dictionary<string, BilingualText>();
        foreach (var view in await queries.ListAsync(caller, ViewNames.Partners))
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
