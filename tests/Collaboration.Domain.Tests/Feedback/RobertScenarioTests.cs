using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;

namespace Collaboration.Domain.Tests.Feedback;

/// <summary>
/// The hand-over the application performs: fold the observer stream, take its snapshot, put it in the
/// feedback command. Shows that the two aggregates agree on Robert's term.
/// </summary>
public sealed class RobertScenarioTests
{
    private static readonly Actor OfficeActor = Actor.Office("office-hk-01");

    private static ObserverState RobertAppointed() => Fold(ObserverDecider.Decide(
        new AppointObserver(
            Robert, 2, new PersonalDetails(PersonId.New(), "Robert", null, null), "RO",
            [ObserverRole.PublicObserver, ObserverRole.ForeignExperienceOfficer],
            new DateOnly(2024, 9, 1), new DateOnly(2026, 8, 31), OfficeActor, new DateTimeOffset(2024, 8, 28, 10, 0, 0, TimeSpan.FromHours(8))),
        ObserverDecider.Initial).Events);

    private static ObserverState Fold(IEnumerable<IObserverEvent> events, ObserverState? from = null) =>
        events.Aggregate(from ?? ObserverDecider.Initial, ObserverDecider.Evolve);

    [Fact]
    public void robert_of_the_second_batch_submits_feedback_with_the_snapshot_of_his_appointment() =>
        FeedbackDecider.Decide(Submit() with { Submitter = ObserverSnapshot.Of(RobertAppointed())! }, FeedbackDecider.Initial)
            .Events.Should().ContainSingle().Which.Should().BeOfType<FeedbackSubmitted>();

    [Fact]
    public void after_his_term_is_ended_roberts_feedback_is_refused()
    {
        var appointed = RobertAppointed();
        var ended = Fold(
            ObserverDecider.Decide(
                new EndObserverTerm(Robert, new DateOnly(2024, 9, 20), BilingualText.Both("离沪", "Left Shanghai"), OfficeActor, SubmittedAt),
                appointed).Events,
            appointed);

        FeedbackDecider.Decide(Submit() with { Submitter = ObserverSnapshot.Of(ended)! }, FeedbackDecider.Initial)
            .Error!.Code.Should().Be("feedback.observer-not-active");
    }
}
