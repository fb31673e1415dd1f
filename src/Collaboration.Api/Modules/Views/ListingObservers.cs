using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Views.Paging;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using Collaboration.Projections.Catalogue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>An observer in the list with its status on today's date; the person only by id.</summary>
public sealed record ObserverLine(ObserverListItem Observer, ObserverStatus Status);

/// <summary>Observers: all for office and auditors, itself for an observer.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Observer)]
public sealed record ListObserversRequest(Caller Caller, PageRequest? Page = null) : IRead<ListPage<ObserverLine>>;

public sealed class ListObserversHandler(IViewQueries queries, TimeProvider time) : IQueryHandler<ListObserversRequest, QueryOutcome<ListPage<ObserverLine>>>
{
    /// <summary>By the start of the term (the default) or by its end.</summary>
    public static ListSorts Sorts { get; } = new("observers", "termStart", new Dictionary<string, string> { ["termStart"] = "termStart", ["termEnd"] = "termEnd" });

    public async ValueTask<QueryOutcome<ListPage<ObserverLine>>> Handle(ListObserversRequest request, CancellationToken cancellationToken)
    {
        if (Sorts.Resolve(request.Page ?? PageRequest.First, out var refused) is not { } paging)
        {
            return QueryOutcome<ListPage<ObserverLine>>.Rejected(refused!);
        }

        var today = DistrictTime.Today(time);
        return QueryOutcome<ListPage<ObserverLine>>.Of(await queries.ReadAsync(request.Caller, ViewNames.Observers, paging, [], c =>
        {
            var observer = ViewDocuments.Typed<ObserverListItem>(c);
            return new ObserverLine(observer, observer.StatusOn(today));
        }, cancellationToken));
    }
}
