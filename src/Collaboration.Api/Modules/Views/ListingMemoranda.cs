using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Projections.Catalogue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Memoranda: all for office and auditors, the ones it is party to for a partner.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record ListMemorandaRequest(Caller Caller) : IRead<IReadOnlyList<MemorandumListItem>>;

public sealed class ListMemorandaHandler(IViewQueries queries) : IQueryHandler<ListMemorandaRequest, QueryOutcome<IReadOnlyList<MemorandumListItem>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<MemorandumListItem>>> Handle(ListMemorandaRequest request, CancellationToken cancellationToken) =>
        QueryOutcome<IReadOnlyList<MemorandumListItem>>.Of(await queries.ListAsync<MemorandumListItem>(request.Caller, ViewNames.Memoranda, cancellationToken));
}
