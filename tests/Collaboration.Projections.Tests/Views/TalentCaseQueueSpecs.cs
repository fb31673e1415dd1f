using Collaboration.Domain.Calendar;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.Projections.TalentCaseQueue;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Views;

public sealed class TalentCaseQueueSpecs
{
    private static readonly TalentCaseId Case = TalentCaseId.New();
    private static readonly PartnerId Referrer = PartnerId.New();

    private static TalentCaseOpened Opened() => new(Case, new PersonalDetails(PersonId.New(), "Robert", "robert@example.test", null), "RO",
        TalentCategory.ForeignHighEndA, TalentService.WorkPermit, Referrer, new DateOnly(2024, 9, 23), 10, new DateOnly(2024, 10, 14), "office-1", Events.At);

    public static TheoryData<string> Histories => ["open", "assigned", "awaiting"];

    private static ITalentCaseEvent[] History(string name) => name switch
    {
        "assigned" => [Opened(), new TalentCaseAssigned(Case, "Human Resources Bureau", "officer.chen", "office-1", Events.At)],
        "awaiting" => [Opened(), new TalentCaseInformationRequested(Case, Events.Text("Passport copy"), new DateOnly(2024, 10, 8), "officer.chen", Events.At)],
        _ => [Opened()],
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void the_queue_line_agrees_with_the_domain_clock_on_every_day_around_national_day(string history)
    {
        var events = History(history);
        var state = events.Aggregate(TalentCaseDecider.Initial, TalentCaseDecider.Evolve);
        var view = TalentCaseView.Of(state)!;

        for (var day = new DateOnly(2024, 9, 20); day <= new DateOnly(2024, 10, 31); day = day.AddDays(1))
        {
            var line = TalentCaseLine.On(view, day, WorkingCalendar.China);
            line.WorkingDaysLeft.Should().Be(TalentCaseClock.WorkingDaysLeft(state, day, WorkingCalendar.China), $"on {day}");
            line.ReminderDue.Should().Be(TalentCaseClock.ReminderDue(state, day, WorkingCalendar.China), $"on {day}");
            line.Breached.Should().Be(TalentCaseClock.IsOverdue(state, day, WorkingCalendar.China), $"on {day}");
        }
    }

    [Fact]
    public async Task the_stored_case_names_no_one_and_is_scoped_to_the_referring_partner()
    {
        var store = await Projections.Running.ProjectionReplayer.ReplayAsync(new TalentCaseQueueProjection(),
            MemorandumProgressSpecs.Recorded([Opened()]), TempStore.Serializer);

        var stored = store.All.Should().ContainSingle().Subject;
        stored.Json.Should().NotContain("Robert").And.NotContain("robert@example.test");
        stored.Scope.Audiences.Should().Equal(Projections.Running.ViewScope.Organisation(Referrer.Value));
    }
}
