using Collaboration.Domain.Observers;
using static Collaboration.Domain.Tests.Observers.ObserverFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Observers.ObserverDecider,
    Collaboration.Domain.Observers.ObserverState,
    Collaboration.Domain.Observers.IObserverCommand,
    Collaboration.Domain.Observers.IObserverEvent>;

namespace Collaboration.Domain.Tests.Observers;

public sealed class ObserverSnapshotTests
{
    [Fact]
    public void stream_name_is_observer_dash_guid() =>
        ObserverDecider.StreamName(Robert).Should().Be("observer-0193a5e0-0000-7000-8000-00000000000b");

    [Fact]
    public void nobody_appointed_has_no_snapshot() =>
        ObserverSnapshot.Of(ObserverDecider.Initial).Should().BeNull();

    [Theory]
    [InlineData("2024-08-31", false)]
    [InlineData("2024-09-01", true)]
    [InlineData("2026-08-31", true)]
    [InlineData("2026-09-01", false)]
    public void an_appointed_observer_is_active_on_every_day_of_the_term_inclusive(string day, bool active) =>
        ObserverSnapshot.Of(Spec.Given(Appointed()).State)!.IsActiveOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(active);

    [Theory]
    [InlineData("2025-02-28", true)]
    [InlineData("2025-03-01", false)]
    public void an_observer_whose_term_ended_early_is_inactive_from_the_end_date(string day, bool active) =>
        ObserverSnapshot.Of(Spec.Given(Appointed(), Ended()).State)!.IsActiveOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(active);

    [Theory]
    [InlineData("2024-08-30", ObserverStatus.NotYetServing)]
    [InlineData("2024-10-08", ObserverStatus.Serving)]
    [InlineData("2025-03-01", ObserverStatus.TermEndedEarly)]
    public void view_status_follows_the_day_after_an_early_end(string day, ObserverStatus status) =>
        ObserverView.Of(Spec.Given(Appointed(), Ended()).State)!.StatusOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(status);

    [Fact]
    public void a_term_that_ran_out_reads_as_expired() =>
        ObserverView.Of(Spec.Given(Appointed()).State)!.StatusOn(new DateOnly(2026, 9, 1)).Should().Be(ObserverStatus.TermExpired);

    [Fact]
    public void robert_holds_both_roles_in_the_view() =>
        ObserverView.Of(Spec.Given(Appointed()).State)!.Holds(ObserverRole.ForeignExperienceOfficer).Should().BeTrue();

    [Fact]
    public void an_observer_actor_is_recognised_only_for_its_own_id() =>
        ObserverActors.Is(ObserverActors.For(Robert), Collaboration.Domain.Kernel.ObserverId.New()).Should().BeFalse();
}
