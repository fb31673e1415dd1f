using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class ExtendTalentCaseDeadlineSpec
{
    private static ExtendTalentCaseDeadline Command(int days = 5, BilingualText? reason = null, Actor? by = null) =>
        new(Id, reason ?? Text("需部门会签", "needs a joint sign-off"), days, by ?? Officer, On(2024, 10, 14));

    [Fact]
    public void the_deadline_is_extended_by_working_days() =>
        Spec.Given(Opened()).When(Command()).Then(Extended());

    [Fact]
    public void a_case_awaiting_information_can_be_extended() =>
        Spec.Given(Opened(), InformationRequested()).When(Command()).Then(Extended());

    [Fact]
    public void an_extension_needs_an_opened_case() =>
        Spec.Given().When(Command()).ThenFails("talent-case.not-opened");

    [Fact]
    public void a_partner_cannot_extend() =>
        Spec.Given(Opened()).When(Command(by: ChamberStaff)).ThenFails("talent-case.office-only");

    [Fact]
    public void a_resolved_case_cannot_be_extended() =>
        Spec.Given(Opened(), Resolved()).When(Command()).ThenFails("talent-case.closed");

    [Fact]
    public void a_second_extension_is_refused() =>
        Spec.Given(Opened(), Extended()).When(Command()).ThenFails("talent-case.already-extended");

    [Fact]
    public void a_second_extension_is_refused_even_after_reopening() =>
        Spec.Given(Opened(), Extended(), Resolved(), Reopened()).When(Command() with { At = On(2024, 11, 4) }).ThenFails("talent-case.already-extended");

    [Fact]
    public void an_extension_needs_a_reason() =>
        Spec.Given(Opened()).When(Command(reason: new BilingualText("", null))).ThenFails("talent-case.reason-required");

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(-3)]
    public void an_extension_is_1_to_15_working_days(int days) =>
        Spec.Given(Opened()).When(Command(days)).ThenFails("talent-case.extension-out-of-range");
}
