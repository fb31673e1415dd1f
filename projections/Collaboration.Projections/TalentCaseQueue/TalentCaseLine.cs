using Collaboration.Domain.Calendar;
using Collaboration.Domain.TalentCases;

namespace Collaboration.Projections.TalentCaseQueue;

/// <summary>A case in the queue on <c>today</c>: working days left, breach and the reminder due that day.</summary>
public sealed record TalentCaseLine(TalentCaseView Case, int? WorkingDaysLeft, bool Breached, ReminderMark? ReminderDue)
{
    /// <summary>
    /// Mirrors <see cref="TalentCaseClock"/> over the stored view (the clock needs the full state, which holds the
    /// talent's personal details and so is never stored): a running clock for open and assigned cases, frozen on the
    /// request day while awaiting information, none once closed.
    /// </summary>
    public static TalentCaseLine On(TalentCaseView view, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(calendar);
        DateOnly? clockDay = view.Status switch
        {
            TalentCaseStatus.Open or TalentCaseStatus.Assigned => today,
            TalentCaseStatus.AwaitingInformation => view.PausedSince is { } since && since < today ? since : today,
            _ => null,
        };
        int? left = clockDay is not { } day ? null : WorkingDaysLeftOn(day, view.DueOn, calendar);
        var running = view.Status is TalentCaseStatus.Open or TalentCaseStatus.Assigned;
        var reminder = running ? RunningReminder(today, view.DueOn, calendar) : null;
        var breached = left < 0 || view.ResolvedWithinDeadline == false;
        return new(view, left, breached, reminder);
    }

    /// <summary>Working days from the clock's day to the deadline; at least one day late once it has passed.</summary>
    public static int WorkingDaysLeftOn(DateOnly clockDay, DateOnly dueOn, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return clockDay <= dueOn ? calendar.WorkingDaysBetween(clockDay, dueOn) : -Math.Max(1, calendar.WorkingDaysBetween(dueOn, clockDay));
    }

    /// <summary>The reminder a running case due on <paramref name="dueOn"/> gets on <paramref name="today"/> (none on days off).</summary>
    public static ReminderMark? RunningReminder(DateOnly today, DateOnly dueOn, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return !calendar.IsWorkingDay(today) ? null : WorkingDaysLeftOn(today, dueOn, calendar) switch
        {
            3 => ReminderMark.ThreeWorkingDaysLeft,
            1 => ReminderMark.OneWorkingDayLeft,
            -1 => ReminderMark.Breached,
            _ => null,
        };
    }
}
