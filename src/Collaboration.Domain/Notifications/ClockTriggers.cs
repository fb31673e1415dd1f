using Collaboration.Domain.Calendar;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;

namespace Collaboration.Domain.Notifications;

/// <summary>
/// Deadlines that pass while nothing is recorded: a commitment at risk or overdue, a talent case at a working-day
/// reminder mark or past its deadline, a feedback answer past its due date. Pure functions of the item's state, the
/// district's date and the working-day calendar; each trigger's key names the mark and the due date it belongs to, so
/// the reactor fires it once (a moved due date is a new deadline and fires again).
/// </summary>
public static class ClockTriggers
{
    public static IReadOnlyList<NotificationTrigger> Due(string stream, object state, DateOnly today, DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calendar);
        NotificationTrigger T(NotificationKind kind, string mark, DateOnly due, string zh, string en) =>
            new(kind, stream, $"clock:{mark}:{due:yyyy-MM-dd}", new BilingualText(zh, en), now);
        switch (state)
        {
            case ExistingCommitment commitment:
                var due = commitment.File.DueDate;
                return CommitmentStatusCalculator.Status(commitment, today) switch
                {
                    CommitmentStatus.Overdue => [T(NotificationKind.CommitmentOverdue, "overdue", due, $"承诺已逾期（到期日 {due:yyyy-MM-dd}）", $"Commitment overdue (due {due:yyyy-MM-dd})")],
                    CommitmentStatus.AtRisk => [T(NotificationKind.CommitmentAtRisk, "at-risk", due, $"承诺存在风险（到期日 {due:yyyy-MM-dd}）", $"Commitment at risk (due {due:yyyy-MM-dd})")],
                    _ => [],
                };
            case TalentCaseState.Open open:
                return CaseMarks(open, today, calendar, T);
            case FeedbackState feedback when FeedbackView.Of(feedback) is { Routing: { } routing } view && FeedbackDeadlines.IsAnswerOverdue(view, today):
                return [T(NotificationKind.AnswerDeadlinePassed, "answer-overdue", routing.AnswerDueOn,
                    $"意见建议答复已超期（应于 {routing.AnswerDueOn:yyyy-MM-dd} 前答复）", $"Feedback answer overdue (due {routing.AnswerDueOn:yyyy-MM-dd})")];
            default:
                return [];
        }
    }

    /// <summary>
    /// The reminder marks a running case has reached by today, on working days only (as <see cref="TalentCaseClock"/>
    /// says): a mark passed while the tracker was down still fires the next working day, but only the furthest one
    /// reached, with the nearer ones it makes moot.
    /// </summary>
    private static IReadOnlyList<NotificationTrigger> CaseMarks(
        TalentCaseState.Open open, DateOnly today, WorkingCalendar calendar, Func<NotificationKind, string, DateOnly, string, string, NotificationTrigger> t)
    {
        if (!calendar.IsWorkingDay(today) || TalentCaseClock.WorkingDaysLeft(open, today, calendar) is not { } left)
        {
            return [];
        }

        var due = open.File.DueOn;
        var marks = new List<NotificationTrigger>(3);
        if (left <= 3)
        {
            marks.Add(t(NotificationKind.CaseReminder, "reminder-3", due, $"人才服务事项还剩{Math.Max(left, 0)}个工作日（{due:yyyy-MM-dd}到期）", $"Talent case: {Math.Max(left, 0)} working day(s) left (due {due:yyyy-MM-dd})"));
        }

        if (left <= 1)
        {
            marks.Add(t(NotificationKind.CaseReminder, "reminder-1", due, $"人才服务事项还剩{Math.Max(left, 0)}个工作日（{due:yyyy-MM-dd}到期）", $"Talent case: {Math.Max(left, 0)} working day(s) left (due {due:yyyy-MM-dd})"));
        }

        if (left < 0)
        {
            marks.Add(t(NotificationKind.CaseDeadlinePassed, "deadline", due, $"人才服务事项已超期（{due:yyyy-MM-dd}到期）", $"Talent case past its deadline (due {due:yyyy-MM-dd})"));
        }

        return marks;
    }
}
