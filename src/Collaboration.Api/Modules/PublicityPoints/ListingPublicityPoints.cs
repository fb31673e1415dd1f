using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Projections.Catalogue;
using Collaboration.Projections.Storage;
using Mediator;

namespace Collaboration.Api.Modules.PublicityPoints;

/// <summary>Every publicity point, designated or withdrawn (withdrawn ones say why), from the <c>publicity-points</c> view.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record ListPublicityPointsRequest(Caller Caller, PageRequest? Page = null) : IRead<ListPage<PublicityPointListItem>>;

public sealed class ListPublicityPointsHandler(IViewQueries queries) : IQueryHandler<ListPublicityPointsRequest, QueryOutcome<ListPage<PublicityPointListItem>>>
{
    /// <summary>By Chinese name (the default) or by the day of designation.</summary>
    public static ListSorts Sorts { get; } = new("publicity-points", "name", new Dictionary<string, string> { ["name"] = "details.name.zh", ["designatedOn"] = "designatedOn" });

    public async ValueTask<QueryOutcome<ListPage<PublicityPointListItem>>> Handle(ListPublicityPointsRequest request, CancellationToken cancellationToken)
    {
        if (Sorts.Resolve(request.Page ?? PageRequest.First, out var refused) is not { } paging)
        {
            return QueryOutcome<ListPage<PublicityPointListItem>>.Rejected(refused!);
        }

        return QueryOutcome<ListPage<PublicityPointListItem>>.Of(
            await queries.ReadAsync(request.Caller, ViewNames.PublicityPoints, paging, [], ViewDocuments.Typed<PublicityPointListItem>, cancellationToken));
    }
}
