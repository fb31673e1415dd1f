using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class AssignTalentCaseSpec
{
    private static AssignTalentCase Command(string department = "hr-bureau", string officer = "officer-wang", Actor? by = null) =>
        new(Id, department, officer, by ?? Officer, On(2024, 10, 8));

    [Fact]
    public void the_office_assigns_a_department_and_an_officer() =>
        Spec.Given(Opened()).When(Command()).Then(Assigned());

    [Fact]
    public void a_case_can_be_reassigned_to_another_officer() =>
        Spec.Given(Opened(), Assigned()).When(Command(officer: "officer-zhang")).Then(Assigned(officer: "officer-zhang"));

    [Fact]
    public void a_case_awaiting_information_can_be_reassigned() =>
        Spec.Given(Opened(), InformationRequested()).When(Command()).Then(Assigned());

    [Fact]
    public void a_case_that_was_never_opened_cannot_be_assigned() =>
        Spec.Given().When(Command()).ThenFails("talent-case.not-opened");

    [Fact]
    public void a_partner_cannot_assign() =>
        Spec.Given(Opened()).When(Command(by: ChamberStaff)).ThenFails("talent-case.office-only");

    [Fact]
    public void a_resolved_case_cannot_be_assigned() =>
        Spec.Given(Opened(), Resolved()).When(Command() with { At = On(2024, 10, 18) }).ThenFails("talent-case.closed");

    [Fact]
    public void the_department_is_required() =>
        Spec.Given(Opened()).When(Command(department: "")).ThenFails("talent-case.department-required");

    [Fact]
    public void the_officer_is_required() =>
        Spec.Given(Opened()).When(Command(officer: " ")).ThenFails("talent-case.officer-required");

    [Fact]
    public void assigning_the_same_department_and_officer_again_is_refused() =>
        Spec.Given(Opened(), Assigned()).When(Command()).ThenFails("talent-case.already-assigned");

    [Fact]
    public void a_command_dated_before_the_opening_is_refused() =>
        Spec.Given(Opened()).When(Command() with { At = On(2024, 9, 29) }).ThenFails("talent-case.date-before-opening");
}
