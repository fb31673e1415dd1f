using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using Collaboration.Projections.Catalogue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>An observer in the list with its status on today's date; the person only by id.</summary>
public sealed record ObserverLine(ObserverListItem Observer, ObserverStatus Status);

/// <summary>Observers: all for office and auditors, itself for an observer.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Observer)]
public sealed record ListObserversRequest(Caller Caller) : IRead<IReadOnlyList<ObserverLine>>;

public sealed class ListObserversHandler(IViewQueries queries, TimeProvider time) : IQueryHandler<ListObserversRequest, QueryOutcome<IReadOnlyList<ObserverLine>>>
{
    public async ValueTask<QueryOutcome<IReadOnlyList<ObserverLine>>> Handle(ListObserversRequest request, CancellationToken cancellationToken)
    {
        var today = DistrictTime.Today(time);
        var items = await queries.ListAsync<ObserverListItem>(request.Caller, ViewNames.Observers, cancellationToken);
        return QueryOutcome<IReadOnlyList<ObserverLine>>.Of([.. items.Select(o => new ObserverLine(o, o.StatusOn(today)))]);
    }
}
