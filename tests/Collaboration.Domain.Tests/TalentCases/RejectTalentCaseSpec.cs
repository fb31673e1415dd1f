using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class RejectTalentCaseSpec
{
    private static RejectTalentCase Command(BilingualText? reason = null, Actor? by = null) =>
        new(Id, reason ?? Text("材料不全", "incomplete documents"), by ?? Officer, On(2024, 10, 17));

    [Fact]
    public void the_office_rejects_a_case_with_a_reason() =>
        Spec.Given(Opened()).When(Command()).Then(Rejected());

    [Fact]
    public void a_case_whose_applicant_never_answers_can_be_rejected() =>
        Spec.Given(Opened(), InformationRequested()).When(Command()).Then(Rejected());

    [Fact]
    public void rejecting_needs_an_opened_case() =>
        Spec.Given().When(Command()).ThenFails("talent-case.not-opened");

    [Fact]
    public void a_partner_cannot_reject() =>
        Spec.Given(Opened()).When(Command(by: ChamberStaff)).ThenFails("talent-case.office-only");

    [Fact]
    public void a_resolved_case_cannot_be_rejected() =>
        Spec.Given(Opened(), Resolved()).When(Command()).ThenFails("talent-case.closed");

    [Fact]
    public void a_rejection_needs_a_reason() =>
        Spec.Given(Opened()).When(Command(reason: new BilingualText(null, ""))).ThenFails("talent-case.reason-required");
}
