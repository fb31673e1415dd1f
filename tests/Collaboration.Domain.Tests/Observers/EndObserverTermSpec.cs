using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using static Collaboration.Domain.Tests.Observers.ObserverFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Observers.ObserverDecider,
    Collaboration.Domain.Observers.ObserverState,
    Collaboration.Domain.Observers.IObserverCommand,
    Collaboration.Domain.Observers.IObserverEvent>;

namespace Collaboration.Domain.Tests.Observers;

public sealed class EndObserverTermSpec
{
    private static readonly BilingualText Reason = BilingualText.Both("本人申请辞任", "Resigned at own request");

    private static EndObserverTerm End() => new(Robert, new DateOnly(2025, 3, 1), Reason, Office, Later);

    [Fact]
    public void office_ends_a_term_early() =>
        Spec.Given(Appointed()).When(End()).Then(Ended());

    [Fact]
    public void a_term_may_end_on_its_first_day() =>
        Spec.Given(Appointed()).When(End() with { EndsOn = TermStart })
            .Then(new ObserverTermEnded(Robert, TermStart, Reason, Office.Id, Later));

    [Fact]
    public void a_term_that_was_never_appointed_cannot_be_ended() =>
        Spec.Given().When(End()).ThenFails("observer.not-appointed");

    [Fact]
    public void a_term_cannot_be_ended_twice() =>
        Spec.Given(Appointed(), Ended()).When(End()).ThenFails("observer.term-already-ended");

    [Fact]
    public void only_the_office_ends_terms() =>
        Spec.Given(Appointed()).When(End() with { By = ObserverActors.For(Robert) }).ThenFails("observer.office-only");

    [Fact]
    public void a_reason_is_required() =>
        Spec.Given(Appointed()).When(End() with { Reason = new BilingualText(null, " ") }).ThenFails("observer.reason-required");

    [Fact]
    public void a_term_cannot_end_before_it_starts() =>
        Spec.Given(Appointed()).When(End() with { EndsOn = TermStart.AddDays(-1) }).ThenFails("observer.end-outside-term");

    [Fact]
    public void a_term_cannot_end_after_its_last_day() =>
        Spec.Given(Appointed()).When(End() with { EndsOn = TermEnd.AddDays(1) }).ThenFails("observer.end-outside-term");
}
