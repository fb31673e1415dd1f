using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class RequestTalentInformationSpec
{
    private static RequestTalentInformation Command(BilingualText? request = null, Actor? by = null) =>
        new(Id, request ?? Request, by ?? Officer, On(2024, 10, 8));

    [Fact]
    public void requesting_information_pauses_the_clock_on_the_request_day() =>
        Spec.Given(Opened(), Assigned()).When(Command()).Then(InformationRequested());

    [Fact]
    public void information_can_be_requested_again_after_the_first_answer() =>
        Spec.Given(Opened(), InformationRequested(), InformationReceived())
            .When(Command() with { At = On(2024, 10, 14) })
            .Then(InformationRequested(new DateOnly(2024, 10, 14)));

    [Fact]
    public void a_request_needs_an_opened_case() =>
        Spec.Given().When(Command()).ThenFails("talent-case.not-opened");

    [Fact]
    public void a_partner_cannot_request_information() =>
        Spec.Given(Opened()).When(Command(by: ChamberStaff)).ThenFails("talent-case.office-only");

    [Fact]
    public void only_one_request_can_be_open_at_a_time() =>
        Spec.Given(Opened(), InformationRequested()).When(Command()).ThenFails("talent-case.information-already-requested");

    [Fact]
    public void a_rejected_case_cannot_request_information() =>
        Spec.Given(Opened(), Rejected()).When(Command() with { At = On(2024, 10, 18) }).ThenFails("talent-case.closed");

    [Fact]
    public void the_request_must_say_what_is_needed() =>
        Spec.Given(Opened()).When(Command(request: new BilingualText(null, " "))).ThenFails("talent-case.request-required");
}
