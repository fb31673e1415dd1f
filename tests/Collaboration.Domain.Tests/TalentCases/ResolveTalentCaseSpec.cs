using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class ResolveTalentCaseSpec
{
    private static ResolveTalentCase Command(DateTimeOffset? at = null, BilingualText? outcome = null, Actor? by = null) =>
        new(Id, outcome ?? Outcome, by ?? Officer, at ?? On(2024, 10, 17));

    [Fact]
    public void resolving_before_the_deadline_records_it_as_within_the_standard() =>
        Spec.Given(Opened(), Assigned()).When(Command()).Then(Resolved());

    [Fact]
    public void resolving_after_the_deadline_records_the_breach() =>
        Spec.Given(Opened(), Assigned()).When(Command(On(2024, 10, 21)))
            .Then(new TalentCaseResolved(Id, Outcome, new DateOnly(2024, 10, 21), false, Officer.Id, On(2024, 10, 21)));

    [Fact]
    public void an_outcome_in_one_language_is_accepted_and_stays_visibly_untranslated() =>
        Spec.Given(Opened()).When(Command(outcome: new BilingualText("工作许可已签发", null)))
            .Then(Resolved() with { Outcome = new BilingualText("工作许可已签发", null) });

    [Fact]
    public void resolving_needs_an_opened_case() =>
        Spec.Given().When(Command()).ThenFails("talent-case.not-opened");

    [Fact]
    public void a_partner_cannot_resolve() =>
        Spec.Given(Opened()).When(Command(by: ChamberStaff)).ThenFails("talent-case.office-only");

    [Fact]
    public void a_case_awaiting_information_cannot_be_resolved() =>
        Spec.Given(Opened(), InformationRequested()).When(Command()).ThenFails("talent-case.awaiting-information");

    [Fact]
    public void a_resolved_case_cannot_be_resolved_again() =>
        Spec.Given(Opened(), Resolved()).When(Command()).ThenFails("talent-case.closed");

    [Fact]
    public void the_outcome_is_required() =>
        Spec.Given(Opened()).When(Command(outcome: new BilingualText(" ", ""))).ThenFails("talent-case.outcome-required");
}
