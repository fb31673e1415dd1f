using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Projections.Catalogue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Every published or retired policy.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record ListPoliciesRequest(Caller Caller) : IRead<IReadOnlyList<PolicyListItem>>;

public sealed class ListPoliciesHandler(IViewQueries queries) : IQueryHandler<ListPoliciesRequest, QueryOutcome<IReadOnlyList<PolicyListItem>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<PolicyListItem>>> Handle(ListPoliciesRequest request, CancellationToken cancellationToken) =>
        QueryOutcome<IReadOnlyList<PolicyListItem>>.Of(await queries.ListAsync<PolicyListItem>(request.Caller, ViewNames.Policies, cancellationToken));
}
