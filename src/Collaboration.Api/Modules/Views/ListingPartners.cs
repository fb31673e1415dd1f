using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Projections.Catalogue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Every partner organisation (names and kinds only; contacts stay on the single-partner read).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record ListPartnersRequest(Caller Caller) : IRead<IReadOnlyList<PartnerListItem>>;

public sealed class ListPartnersHandler(IViewQueries queries) : IQueryHandler<ListPartnersRequest, QueryOutcome<IReadOnlyList<PartnerListItem>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<PartnerListItem>>> Handle(ListPartnersRequest request, CancellationToken cancellationToken) =>
        QueryOutcome<IReadOnlyList<PartnerListItem>>.Of(await queries.ListAsync<PartnerListItem>(request.Caller, ViewNames.Partners, cancellationToken));
}
