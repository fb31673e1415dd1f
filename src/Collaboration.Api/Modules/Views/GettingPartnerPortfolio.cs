using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Calendar;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.Catalogue;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Collaboration.Projections.TalentCaseQueue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>Everything one organisation is party to or owns, on today's date.</summary>
public sealed record PartnerPortfolio(
    PartnerId Partner,
    DateOnly Today,
    IReadOnlyList<MemorandumListItem> Memoranda,
    IReadOnlyList<CommitmentLine> Commitments,
    decimal WeightedCompletion,
    IReadOnlyList<TalentCaseListItem> ReferredTalentCases);

/// <summary>A partner's portfolio: office and auditors for any partner, a partner only for itself (404 otherwise).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record GetPartnerPortfolioRequest(Caller Caller, PartnerId Partner) : IRead<PartnerPortfolio>;

public sealed class GetPartnerPortfolioAccess(VisibilityService visibility) : IAccessRule<GetPartnerPortfolioRequest>
{
    public ValueTask<Access> CheckAsync(GetPartnerPortfolioRequest request, CancellationToken cancellationToken) =>
        visibility.OfStreamAsync(request.Caller, PartnerDecider.StreamName(request.Partner), cancellationToken);
}

/// <summary>
/// Composed from the documents scoped to the organisation, so it shows exactly what that partner may see. Its commitments and
/// referred cases are found through the store's index on the owning or referring partner, so the reads grow with this
/// partner's items, not with the district's; memoranda (a handful) are read whole.
/// </summary>
public sealed class GetPartnerPortfolioHandler(IViewReader reader, TimeProvider time) : IQueryHandler<GetPartnerPortfolioRequest, QueryOutcome<PartnerPortfolio>>
{
    private const int PageSize = 200;

    public async ValueTask<QueryOutcome<PartnerPortfolio>> Handle(GetPartnerPortfolioRequest request, CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(ViewNames.Partners, request.Partner.ToString(), cancellationToken) is null)
        {
            return QueryOutcome<PartnerPortfolio>.Missing();
        }

        var audience = ViewScope.Organisation(request.Partner.Value);
        var partner = request.Partner.Value.ToString("D");
        var today = DistrictTime.Today(time);
        var memoranda = await reader.ListForAsync<MemorandumListItem>(audience, ViewNames.Memoranda, cancellationToken);
        var commitments = (await OwnAsync<CommitmentDetail>(audience, ViewNames.CommitmentDetail, "commitment.owner", partner, cancellationToken))
            .Select(d => CommitmentLine.Of(d, today)).OrderBy(l => l.DueDate).ToList();
        var cases = (await OwnAsync<TalentCaseView>(audience, ViewNames.TalentCaseQueue, "referredBy", partner, cancellationToken))
            .Select(v => TalentCaseListItem.Of(TalentCaseLine.On(v, today, WorkingCalendar.China))).ToList();
        return QueryOutcome<PartnerPortfolio>.Of(new PartnerPortfolio(
            request.Partner, today, memoranda, commitments, MemorandumProgressReport.WeightedCompletionOf(commitments), cases));
    }

    /// <summary>The audience's documents whose <paramref name="field"/> names the partner, by key: sorted on the field, the store walks only them.</summary>
    private async Task<List<T>> OwnAsync<T>(string audience, string view, string field, string partner, CancellationToken ct)
    {
        var audiences = new HashSet<string>(StringComparer.Ordinal) { audience };
        var found = new List<T>();
        ViewCursor? after = null;
        do
        {
            // No total is shown, so none is counted: counting was a second query over the partner's items on every page.
            var page = await reader.PageAsync(new ViewPageQuery(view, audiences, [ViewFilter.AnyOf(field, partner)], new ViewSort(field), after, PageSize) { CountTotal = false }, ct);
            found.AddRange(page.Items.Select(s => ViewJson.Deserialize<T>(s.Json!)!));
            after = page.Next;
        }
        while (after is not null);

        return found;
    }
}
