using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views;
using Collaboration.Projections.Catalogue;
using Mediator;

namespace Collaboration.Api.Modules.PublicityPoints;

/// <summary>Every publicity point, designated or withdrawn (withdrawn ones say why), from the <c>publicity-points</c> view.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record ListPublicityPointsRequest(Caller Caller) : IRead<IReadOnlyList<PublicityPointListItem>>;

public sealed class ListPublicityPointsHandler(IViewQueries queries) : IQueryHandler<ListPublicityPointsRequest, QueryOutcome<IReadOnlyList<PublicityPointListItem>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<PublicityPointListItem>>> Handle(ListPublicityPointsRequest request, CancellationToken cancellationToken) =>
        QueryOutcome<IReadOnlyList<PublicityPointListItem>>.Of(await queries.ListAsync<PublicityPointListItem>(request.Caller, ViewNames.PublicityPoints, cancellationToken));
}
