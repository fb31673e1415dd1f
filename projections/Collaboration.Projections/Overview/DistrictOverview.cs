using Collaboration.Domain.Calendar;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.Catalogue;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.FeedbackBoard;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.TalentCaseQueue;

namespace Collaboration.Projections.Overview;

/// <summary>
/// The district office's KPIs on <see cref="Today"/>: a query over the read models, not a stored one (it needs "today",
/// and storing it would duplicate every change).
/// </summary>
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
            memoranda.Count(m => m.Status == MemorandumStatus.Active),
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
