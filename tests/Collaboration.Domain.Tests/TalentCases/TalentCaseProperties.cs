using Collaboration.Domain.Calendar;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using FsCheck.Xunit;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;

namespace Collaboration.Domain.Tests.TalentCases;

/// <summary>Deadline invariants over every day of the shipped calendar years and every service.</summary>
public sealed class TalentCaseProperties
{
    private static readonly DateOnly FirstDay = new(2024, 1, 1);
    private static readonly int DaysInData = new DateOnly(2026, 12, 31).DayNumber - FirstDay.DayNumber + 1;
    private static readonly TalentService[] Services = Enum.GetValues<TalentService>();

    private static TalentCaseOpened Open(ushort dayOffset, byte serviceIndex, byte hour)
    {
        var day = FirstDay.AddDays(dayOffset % DaysInData);
        var command = new OpenTalentCase(Id, Robert, "RO", TalentCategory.ForeignProfessionalB,
            Services[serviceIndex % Services.Length], null, Officer, On(day.Year, day.Month, day.Day, hour % 24));
        return (TalentCaseOpened)TalentCaseDecider.Decide(command, TalentCaseDecider.Initial).Events.Single();
    }

    [Property]
    public bool the_due_date_is_always_a_working_day(ushort dayOffset, byte serviceIndex, byte hour) =>
        WorkingCalendar.China.IsWorkingDay(Open(dayOffset, serviceIndex, hour).DueOn);

    [Property]
    public bool the_due_date_is_never_earlier_than_the_open_date_plus_the_service_limit(ushort dayOffset, byte serviceIndex, byte hour)
    {
        var opened = Open(dayOffset, serviceIndex, hour);
        return opened.DueOn >= opened.OpenedOn.AddDays(ServiceStandard.WorkingDaysFor(opened.Service));
    }

    [Property]
    public bool exactly_the_service_limit_of_working_days_lies_between_opening_and_deadline(ushort dayOffset, byte serviceIndex, byte hour)
    {
        var opened = Open(dayOffset, serviceIndex, hour);
        return WorkingCalendar.China.WorkingDaysBetween(opened.OpenedOn, opened.DueOn) == opened.ServiceLimitWorkingDays;
    }

    [Property]
    public bool a_pause_moves_the_deadline_by_exactly_the_working_days_paused(ushort dayOffset, byte requestAfter, byte pauseLength)
    {
        var opened = Open(dayOffset, 0, 10);
        var requestedOn = opened.OpenedOn.AddDays(requestAfter % 20);
        var receivedOn = requestedOn.AddDays(pauseLength % 30);
        var state = TalentCaseDecider.Evolve(
            TalentCaseDecider.Evolve(TalentCaseDecider.Initial, opened),
            new TalentCaseInformationRequested(Id, Request, requestedOn, Officer.Id, On(requestedOn)));

        var received = (TalentCaseInformationReceived)TalentCaseDecider.Decide(new RecordTalentInformationReceived(Id, Officer, On(receivedOn)), state).Events.Single();

        var calendar = WorkingCalendar.China;
        return received.PausedWorkingDays == calendar.WorkingDaysBetween(requestedOn, receivedOn)
            && calendar.WorkingDaysBetween(opened.DueOn, received.DueOn) == received.PausedWorkingDays;
    }

    [Property]
    public bool a_case_is_overdue_exactly_when_today_is_past_the_due_date(ushort dayOffset, byte daysLater)
    {
        var opened = Open(dayOffset, 0, 10);
        var state = TalentCaseDecider.Evolve(TalentCaseDecider.Initial, opened);
        var today = opened.OpenedOn.AddDays(daysLater % 60);
        return TalentCaseClock.IsOverdue(state, today, WorkingCalendar.China) == (today > opened.DueOn);
    }
}
