using Collaboration.Domain.Calendar;

namespace Collaboration.Domain.TalentCases;

/// <summary>
/// Deadline facts that depend on "today": never stored, always derived, so they are right on any
/// day a projection or a reminder job asks. Only cases that are open or awaiting information have a
/// running clock; for other states every function answers "nothing" (null / false).
/// </summary>
public static class TalentCaseClock
{
    /// <summary>
    /// Working days until the deadline: 0 on the due day, negative once it has passed. While the case
    /// awaits information the clock is frozen at the request day. A case past its deadline reads at
    /// least -1 even on the weekend right after it, so "negative" and <see cref="IsOverdue"/> agree.
    /// </summary>
    public static int? WorkingDaysLeft(TalentCaseState state, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var (due, clockDay) = state switch
        {
            TalentCaseState.Open o => (o.File.DueOn, today),
            TalentCaseState.AwaitingInformation a => (a.File.DueOn, a.RequestedOn < today ? a.RequestedOn : today),
            _ => ((DateOnly?)null, today),
        };
        if (due is not { } dueOn)
        {
            return null;
        }

        return clockDay <= dueOn
            ? calendar.WorkingDaysBetween(clockDay, dueOn)
            : -Math.Max(1, calendar.WorkingDaysBetween(dueOn, clockDay));
    }

    /// <summary>True when the running clock has passed the due date (a paused clock stays as it was when paused).</summary>
    public static bool IsOverdue(TalentCaseState state, DateOnly today, WorkingCalendar calendar) =>
        WorkingDaysLeft(state, today, calendar) < 0;

    /// <summary>
    /// The reminder mark <paramref name="today"/> is at: 3 and 1 working days before the deadline, and
    /// the first working day after it. Reminders go out on working days only, so every mark falls on
    /// exactly one day; a paused case gets no reminders (the officer is waiting for the applicant).
    /// </summary>
    public static ReminderMark? ReminderDue(TalentCaseState state, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (state is not TalentCaseState.Open || !calendar.IsWorkingDay(today))
        {
            return null;
        }

        return WorkingDaysLeft(state, today, calendar) switch
        {
            3 => ReminderMark.ThreeWorkingDaysLeft,
            1 => ReminderMark.OneWorkingDayLeft,
            -1 => ReminderMark.Breached,
            _ => null,
        };
    }
}
