using Collaboration.Domain.Calendar;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

/// <summary>Overdue, working days left and reminder marks for the case due Friday 18 October 2024.</summary>
public sealed class TalentCaseClockTests
{
    private static readonly WorkingCalendar China = WorkingCalendar.China;
    private static readonly TalentCaseState Running = Spec.Given(Opened(), Assigned()).State;
    private static readonly TalentCaseState Paused = Spec.Given(Opened(), InformationRequested()).State;

    private static DateOnly Day(int month, int day) => new(2024, month, day);

    [Fact]
    public void on_the_opening_day_all_ten_working_days_are_left_despite_the_national_day_week() =>
        TalentCaseClock.WorkingDaysLeft(Running, OpenedOn, China).Should().Be(10);

    [Fact]
    public void on_the_due_day_no_working_days_are_left_and_the_case_is_not_overdue() =>
        TalentCaseClock.IsOverdue(Running, DueOn, China).Should().BeFalse();

    [Fact]
    public void the_day_after_the_due_day_the_case_is_overdue() =>
        TalentCaseClock.IsOverdue(Running, Day(10, 19), China).Should().BeTrue();

    [Fact]
    public void working_days_left_are_negative_once_breached() =>
        TalentCaseClock.WorkingDaysLeft(Running, Day(10, 22), China).Should().Be(-2);

    [Fact]
    public void the_weekend_right_after_the_deadline_already_reads_one_day_late() =>
        TalentCaseClock.WorkingDaysLeft(Running, Day(10, 20), China).Should().Be(-1);

    [Fact]
    public void the_first_reminder_is_due_three_working_days_before_the_deadline() =>
        TalentCaseClock.ReminderDue(Running, Day(10, 15), China).Should().Be(ReminderMark.ThreeWorkingDaysLeft);

    [Fact]
    public void the_second_reminder_is_due_one_working_day_before_the_deadline() =>
        TalentCaseClock.ReminderDue(Running, Day(10, 17), China).Should().Be(ReminderMark.OneWorkingDayLeft);

    [Fact]
    public void the_breach_reminder_is_due_on_the_first_working_day_after_the_deadline() =>
        TalentCaseClock.ReminderDue(Running, Day(10, 21), China).Should().Be(ReminderMark.Breached);

    [Fact]
    public void no_reminder_goes_out_on_the_weekend_after_the_deadline() =>
        TalentCaseClock.ReminderDue(Running, Day(10, 19), China).Should().BeNull();

    [Fact]
    public void no_reminder_is_due_between_the_marks() =>
        TalentCaseClock.ReminderDue(Running, Day(10, 16), China).Should().BeNull();

    [Fact]
    public void the_breach_reminder_goes_out_only_once() =>
        TalentCaseClock.ReminderDue(Running, Day(10, 22), China).Should().BeNull();

    [Fact]
    public void a_make_up_saturday_is_a_reminder_day() =>
        TalentCaseClock.ReminderDue(Spec.Given(Opened(dueOn: Day(10, 16))).State, Day(10, 12), China)
            .Should().Be(ReminderMark.ThreeWorkingDaysLeft);

    [Fact]
    public void a_paused_clock_stays_at_the_working_days_left_on_the_request_day() =>
        TalentCaseClock.WorkingDaysLeft(Paused, Day(10, 25), China).Should().Be(9);

    [Fact]
    public void a_paused_case_does_not_become_overdue() =>
        TalentCaseClock.IsOverdue(Paused, Day(11, 30), China).Should().BeFalse();

    [Fact]
    public void a_case_already_overdue_when_paused_stays_overdue() =>
        TalentCaseClock.IsOverdue(Spec.Given(Opened(), InformationRequested(Day(10, 21))).State, Day(10, 25), China).Should().BeTrue();

    [Fact]
    public void a_paused_case_gets_no_reminders() =>
        TalentCaseClock.ReminderDue(Spec.Given(Opened(), InformationRequested(Day(10, 14))).State, Day(10, 15), China).Should().BeNull();

    [Fact]
    public void a_resolved_case_has_no_running_clock() =>
        TalentCaseClock.WorkingDaysLeft(Spec.Given(Opened(), Resolved()).State, Day(10, 25), China).Should().BeNull();

    [Fact]
    public void a_rejected_case_is_never_overdue() =>
        TalentCaseClock.IsOverdue(Spec.Given(Opened(), Rejected()).State, Day(12, 2), China).Should().BeFalse();

    [Fact]
    public void after_the_information_arrives_the_clock_runs_to_the_moved_deadline() =>
        TalentCaseClock.WorkingDaysLeft(Spec.Given(Opened(), InformationRequested(), InformationReceived()).State, Day(10, 18), China)
            .Should().Be(3);
}
