using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using static Collaboration.Domain.Tests.Observers.ObserverFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Observers.ObserverDecider,
    Collaboration.Domain.Observers.ObserverState,
    Collaboration.Domain.Observers.IObserverCommand,
    Collaboration.Domain.Observers.IObserverEvent>;

namespace Collaboration.Domain.Tests.Observers;

public sealed class AppointObserverSpec
{
    [Fact]
    public void office_appoints_robert_to_the_second_batch_with_dual_roles() =>
        Spec.Given().When(Appoint()).Then(Appointed());

    [Fact]
    public void roles_are_recorded_as_a_set_without_duplicates_in_a_fixed_order() =>
        Spec.Given()
            .When(Appoint() with { Roles = [ObserverRole.ForeignExperienceOfficer, ObserverRole.PublicObserver, ObserverRole.ForeignExperienceOfficer] })
            .Then(Appointed());

    [Fact]
    public void an_observer_cannot_be_appointed_twice() =>
        Spec.Given(Appointed()).When(Appoint()).ThenFails("observer.already-appointed");

    [Fact]
    public void only_the_office_appoints_observers() =>
        Spec.Given().When(Appoint() with { By = Actor.Partner("p1", PartnerId.New()) }).ThenFails("observer.office-only");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void batch_number_must_be_at_least_one(int batch) =>
        Spec.Given().When(Appoint() with { Batch = batch }).ThenFails("observer.batch-invalid");

    [Fact]
    public void full_name_is_required() =>
        Spec.Given().When(Appoint() with { Details = RobertDetails with { FullName = " " } }).ThenFails("observer.name-required");

    [Theory]
    [InlineData("")]
    [InlineData("Romania")]
    [InlineData("ro")]
    [InlineData("ROU")]
    public void nationality_must_be_a_two_letter_country_code(string nationality) =>
        Spec.Given().When(Appoint() with { Nationality = nationality }).ThenFails("observer.nationality-invalid");

    [Fact]
    public void at_least_one_role_is_required() =>
        Spec.Given().When(Appoint() with { Roles = [] }).ThenFails("observer.roles-required");

    [Fact]
    public void an_undefined_role_is_refused() =>
        Spec.Given().When(Appoint() with { Roles = [(ObserverRole)99] }).ThenFails("observer.role-unknown");

    [Fact]
    public void term_must_end_after_it_starts() =>
        Spec.Given().When(Appoint() with { TermEnd = TermStart }).ThenFails("observer.term-invalid");
}
