using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.Catalogue;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Overview;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>The office overview; partners and observers have their portfolio and board instead.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor)]
public sealed record GetOverviewRequest(Caller Caller) : IRead<DistrictOverview>;

public sealed class GetOverviewHandler(IViewQueries queries, TimeProvider time) : IQueryHandler<GetOverviewRequest, QueryOutcome<DistrictOverview>>
{
    public async ValueTask<QueryOutcome<DistrictOverview>> Handle(GetOverviewRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var today = DistrictTime.Today(time);
        return QueryOutcome<DistrictOverview>.Of(DistrictOverview.Compose(
            today,
            await queries.ListAsync<PartnerListItem>(caller, ViewNames.Partners, cancellationToken),
            await queries.ListAsync<MemorandumListItem>(caller, ViewNames.Memoranda, cancellationToken),
            await queries.ListAsync<CommitmentDetail>(caller, ViewNames.CommitmentDetail, cancellationToken),
            await queries.ListAsync<TalentCaseView>(caller, ViewNames.TalentCaseQueue, cancellationToken),
            await queries.ListAsync<FeedbackView>(caller, ViewNames.FeedbackBoard, cancellationToken)));
    }
}
