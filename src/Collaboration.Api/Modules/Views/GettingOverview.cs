using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.Overview;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>The office overview; partners and observers have their portfolio and board instead.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor)]
public sealed record GetOverviewRequest(Caller Caller) : IRead<DistrictOverview>;

/// <summary>
/// Counts through the caller's visibility (<see cref="OverviewCounts"/>): no read of a whole view, however long the log;
/// a composition is reused for half a second (<see cref="RecentOverviews"/>).
/// </summary>
public sealed class GetOverviewHandler(IViewQueries queries, RecentOverviews recent, DistrictCompletions completions, TimeProvider time) : IQueryHandler<GetOverviewRequest, QueryOutcome<DistrictOverview>>
{
    public async ValueTask<QueryOutcome<DistrictOverview>> Handle(GetOverviewRequest request, CancellationToken cancellationToken)
    {
        var today = DistrictTime.Today(time);
        var caller = request.Caller;
        return QueryOutcome<DistrictOverview>.Of(
            await recent.GetAsync(caller.ToViewer(), today, () => queries.ComposeAsync(caller, today, completions), cancellationToken));
    }
}
