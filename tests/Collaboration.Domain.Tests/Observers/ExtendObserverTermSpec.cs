using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using static Collaboration.Domain.Tests.Observers.ObserverFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Observers.ObserverDecider,
    Collaboration.Domain.Observers.ObserverState,
    Collaboration.Domain.Observers.IObserverCommand,
    Collaboration.Domain.Observers.IObserverEvent>;

namespace Collaboration.Domain.Tests.Observers;

public sealed class ExtendObserverTermSpec
{
    private static readonly DateOnly NewEnd = new(2027, 8, 31);

    private static ExtendObserverTerm Extend() => new(Robert, NewEnd, Office, Later);

    [Fact]
    public void office_extends_a_running_term_and_the_previous_end_is_recorded() =>
        Spec.Given(Appointed()).When(Extend()).Then(new ObserverTermExtended(Robert, TermEnd, NewEnd, Office.Id, Later));

    [Fact]
    public void an_extended_term_runs_to_the_new_end() =>
        ObserverSnapshot.Of(Spec.Given(Appointed(), new ObserverTermExtended(Robert, TermEnd, NewEnd, Office.Id, Later)).State)!
            .IsActiveOn(new DateOnly(2027, 1, 4)).Should().BeTrue();

    [Fact]
    public void a_term_that_was_never_appointed_cannot_be_extended() =>
        Spec.Given().When(Extend()).ThenFails("observer.not-appointed");

    [Fact]
    public void an_ended_term_cannot_be_extended() =>
        Spec.Given(Appointed(), Ended()).When(Extend()).ThenFails("observer.term-already-ended");

    [Fact]
    public void only_the_office_extends_terms() =>
        Spec.Given(Appointed()).When(Extend() with { By = ObserverActors.For(Robert) }).ThenFails("observer.office-only");

    [Fact]
    public void an_extension_must_move_the_end_later() =>
        Spec.Given(Appointed()).When(Extend() with { NewTermEnd = TermEnd }).ThenFails("observer.extension-not-later");
}
