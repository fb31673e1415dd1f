using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class EscalateTalentCaseSpec
{
    private static EscalateTalentCase Command(EscalationLevel level = EscalationLevel.SectionHead, BilingualText? reason = null, Actor? by = null) =>
        new(Id, reason ?? Text("材料复杂", "complex file"), level, by ?? Officer, On(2024, 10, 14));

    [Fact]
    public void the_office_escalates_a_case() =>
        Spec.Given(Opened()).When(Command()).Then(Escalated());

    [Fact]
    public void an_escalated_case_can_go_higher() =>
        Spec.Given(Opened(), Escalated()).When(Command(EscalationLevel.DistrictLeadership)).Then(Escalated(EscalationLevel.DistrictLeadership));

    [Fact]
    public void escalation_needs_an_opened_case() =>
        Spec.Given().When(Command()).ThenFails("talent-case.not-opened");

    [Fact]
    public void a_partner_cannot_escalate() =>
        Spec.Given(Opened()).When(Command(by: ChamberStaff)).ThenFails("talent-case.office-only");

    [Fact]
    public void a_rejected_case_cannot_be_escalated() =>
        Spec.Given(Opened(), Rejected()).When(Command()).ThenFails("talent-case.closed");

    [Fact]
    public void escalation_needs_a_reason() =>
        Spec.Given(Opened()).When(Command(reason: new BilingualText(null, null))).ThenFails("talent-case.reason-required");

    [Fact]
    public void escalating_to_the_same_level_again_is_refused() =>
        Spec.Given(Opened(), Escalated(EscalationLevel.BureauLeadership)).When(Command(EscalationLevel.SectionHead)).ThenFails("talent-case.escalation-not-higher");
}
