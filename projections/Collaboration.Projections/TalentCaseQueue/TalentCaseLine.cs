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
        int? left = clockDay is not { } day ? null
            : day <= view.DueOn ? calendar.WorkingDaysBetween(day, view.DueOn)
            : -Math.Max(1, calendar.WorkingDaysBetween(view.DueOn, day));
        var running = view.Status is TalentCaseStatus.Open or TalentCaseStatus.Assigned;
        ReminderMark? reminder = !running || !calendar.IsWorkingDay(today) ? null : left switch
        {
            3 => ReminderMark.ThreeWorkingDaysLeft,
            1 => ReminderMark.OneWorkingDayLeft,
            -1 => ReminderMark.Breached,
            _ => null,
        };
        var breached = left < 0 || view.ResolvedWithinDeadline == false;
        return new(view, left, breached, reminder);
    }
}
