using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Calendar;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.Catalogue;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.FeedbackBoard;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.TalentCaseQueue;
using Mediator;

namespace Collaboration.Api.Modules.Views;

/// <summary>The district office's KPIs on <see cref="Today"/>.</summary>
public sealed record DistrictOverview(
    DateOnly Today,
    int ActivePartners,
    int ActiveMemoranda,
    decimal WeightedCompletion,
    IReadOnlyDictionary<CommitmentStatus, int> CommitmentsByStatus,
    int OpenTalentCases,
    int BreachedTalentCases,
    int RemindersDueToday,
    int OpenFeedback,
    int FeedbackAnswerOverdue,
    int PublishedFeedback,
    double? AverageAnswerWorkingDays)
{
    /// <summary>
    /// The KPIs from the documents of the read models on a given day. Shared by the live endpoint and the audit's
    /// "overview as of a moment", which passes documents replayed into memory.
    /// </summary>
    public static DistrictOverview Compose(
        DateOnly today,
        IReadOnlyList<PartnerListItem> partners,
        IReadOnlyList<MemorandumListItem> memoranda,
        IEnumerable<CommitmentDetail> commitmentDetails,
        IEnumerable<TalentCaseView> talentCases,
        IEnumerable<FeedbackView> feedbackItems)
    {
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(memoranda);
        var commitments = commitmentDetails.Select(d => CommitmentLine.Of(d, today)).ToList();
        var cases = talentCases.Select(v => TalentCaseLine.On(v, today, WorkingCalendar.China)).ToList();
        var feedback = feedbackItems.Select(v => FeedbackLine.On(v, today, WorkingCalendar.China)).ToList();
        var answerTimes = feedback.Where(f => f.AnswerTimeInWorkingDays is not null).Select(f => (double)f.AnswerTimeInWorkingDays!.Value).ToList();
        return new DistrictOverview(
            today,
            partners.Count(p => p.IsActive),
            memoranda.Count(m => m.Status == Domain.Memoranda.MemorandumStatus.Active),
            MemorandumProgressReport.WeightedCompletionOf(commitments),
            commitments.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count()),
            cases.Count(c => c.WorkingDaysLeft is not null),
            cases.Count(c => c.Breached),
            cases.Count(c => c.ReminderDue is not null),
            feedback.Count(f => f.Column == "open"),
            feedback.Count(f => f.AnswerOverdue),
            feedback.Count(f => f.Column == "published"),
            answerTimes.Count == 0 ? null : Math.Round(answerTimes.Average(), 1));
    }
}

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
