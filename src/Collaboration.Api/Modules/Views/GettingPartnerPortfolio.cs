using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Calendar;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.Catalogue;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Collaboration.Projections.TalentCaseQueue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// What one organisation is party to or owns, on today's date: its memoranda, its open commitments and the open talent cases it
/// referred (those due first), how many it has of each, and the weighted completion of all its commitments.
/// </summary>
public sealed record PartnerPortfolio(
    PartnerId Partner,
    DateOnly Today,
    IReadOnlyList<MemorandumListItem> Memoranda,
    PortfolioSection<CommitmentLine> Commitments,
    decimal WeightedCompletion,
    PortfolioSection<TalentCaseListItem> ReferredTalentCases);

/// <summary>
/// One kind of a partner's items: the open ones due first (at most <see cref="GetPartnerPortfolioHandler.Shown"/>), how many
/// are open, how many there are in all, and the paged list that holds every one of them (<paramref name="List"/>).
/// </summary>
public sealed record PortfolioSection<T>(IReadOnlyList<T> Open, long OpenCount, long Total, string List);

/// <summary>A partner's portfolio: office and auditors for any partner, a partner only for itself (404 otherwise).</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner)]
public sealed record GetPartnerPortfolioRequest(Caller Caller, PartnerId Partner) : IRead<PartnerPortfolio>;

public sealed class GetPartnerPortfolioAccess(VisibilityService visibility) : IAccessRule<GetPartnerPortfolioRequest>
{
    public ValueTask<Access> CheckAsync(GetPartnerPortfolioRequest request, CancellationToken cancellationToken) =>
        visibility.OfStreamAsync(request.Caller, PartnerDecider.StreamName(request.Partner), cancellationToken);
}

/// <summary>
/// Composed from the documents scoped to the organisation, so it shows exactly what that partner may see, and bounded however
/// long the partner's history (the commitments from their lines, a few hundred bytes each where a detail holds every report): a page of open items per kind, found through an index led by the owning or referring
/// partner, with the store counting the rest and adding up the completion. Every item stays one paged list away
/// (<see cref="PortfolioSection{T}.List"/>); memoranda (a handful) are read whole.
/// </summary>
public sealed class GetPartnerPortfolioHandler(IViewReader reader, TimeProvider time) : IQueryHandler<GetPartnerPortfolioRequest, QueryOutcome<PartnerPortfolio>>
{
    /// <summary>At most this many open items of each kind are listed.</summary>
    public const int Shown = 100;

    private static readonly string[] OpenStages = [nameof(CommitmentStage.Proposed), nameof(CommitmentStage.Accepted)];
    private static readonly string[] RunningCases = [nameof(TalentCaseStatus.Open), nameof(TalentCaseStatus.Assigned), nameof(TalentCaseStatus.AwaitingInformation)];

    public async ValueTask<QueryOutcome<PartnerPortfolio>> Handle(GetPartnerPortfolioRequest request, CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(ViewNames.Partners, request.Partner.ToString(), cancellationToken) is null)
        {
            return QueryOutcome<PartnerPortfolio>.Missing();
        }

        var audiences = new HashSet<string>(StringComparer.Ordinal) { ViewScope.Organisation(request.Partner.Value) };
        var partner = request.Partner.Value.ToString("D");
        var today = DistrictTime.Today(time);
        var memoranda = await reader.ListForAsync<MemorandumListItem>(ViewScope.Organisation(request.Partner.Value), ViewNames.Memoranda, cancellationToken);
        var commitments = await SectionAsync(
            new ViewPageQuery(ViewNames.MemorandumLine, audiences, [ViewFilter.Equal("owner", partner)], new ViewSort("dueDate"), null, Shown),
            "stage", OpenStages, CompletionSums.OfLines,
            (MemorandumLine l) => l.On(today), $"/api/v1/commitments?partner={partner}", cancellationToken);
        var cases = await SectionAsync(
            new ViewPageQuery(ViewNames.TalentCaseQueue, audiences, [ViewFilter.Equal("referredBy", partner)], new ViewSort("dueOn"), null, Shown),
            "status", RunningCases, [],
            (TalentCaseView v) => TalentCaseListItem.Of(TalentCaseLine.On(v, today, WorkingCalendar.China)), $"/api/v1/talent-cases?partner={partner}", cancellationToken);

        // The completion of every commitment that counts (accepted or completed), from the same tally as the counts: the
        // rule of MemorandumProgressReport.WeightedCompletionOf, without reading the commitments.
        var completion = CompletionSums.Of(ViewTally.Of(commitments.ByStage, CompletionSums.OfLines.Count, CompletionSums.CountedStages));
        return QueryOutcome<PartnerPortfolio>.Of(new PartnerPortfolio(request.Partner, today, memoranda, commitments.Section, completion.WeightedCompletion, cases.Section));
    }

    /// <summary>
    /// The open items' first page in the query's order (the partner's filter and the open stages), and one tally of all the
    /// partner's items of the kind by stage: the counts, and the <paramref name="sums"/> per stage.
    /// </summary>
    private async Task<(PortfolioSection<TLine> Section, IReadOnlyDictionary<string, ViewTally> ByStage)> SectionAsync<TDocument, TLine>(
        ViewPageQuery owned, string stage, string[] open, IReadOnlyList<ViewSum> sums, Func<TDocument, TLine> line, string list, CancellationToken ct)
    {
        var page = await reader.PageAsync(owned with { Filters = [.. owned.Filters, ViewFilter.AnyOf(stage, open)], CountTotal = false }, ct);
        var byStage = await reader.TallyAsync(owned, stage, sums, ct);
        var section = new PortfolioSection<TLine>(
            [.. page.Items.Select(s => line(ViewJson.Deserialize<TDocument>(s.Json!)!))], ViewTally.Of(byStage, sums.Count, open).Count, byStage.Values.Sum(t => t.Count), list);
        return (section, byStage);
    }
}
