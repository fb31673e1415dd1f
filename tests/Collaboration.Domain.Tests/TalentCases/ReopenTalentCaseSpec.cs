using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class ReopenTalentCaseSpec
{
    private static ReopenTalentCase Command(DateTimeOffset? at = null, BilingualText? reason = null, Actor? by = null) =>
        new(Id, reason ?? Text("证件信息有误", "permit details wrong"), by ?? Officer, at ?? On(2024, 11, 1));

    [Fact]
    public void a_resolved_case_reopens_on_a_fresh_service_standard_clock() =>
        Spec.Given(Opened(), Resolved()).When(Command()).Then(Reopened());

    [Fact]
    public void a_rejected_case_can_be_reopened() =>
        Spec.Given(Opened(), Rejected()).When(Command()).Then(Reopened());

    [Fact]
    public void the_thirtieth_calendar_day_after_resolution_is_still_inside_the_window() =>
        Spec.Given(Opened(), Resolved()).When(Command(On(2024, 11, 16)))
            .Then(new TalentCaseReopened(Id, Text("证件信息有误", "permit details wrong"), new DateOnly(2024, 11, 16), new DateOnly(2024, 11, 29), Officer.Id, On(2024, 11, 16)));

    [Fact]
    public void reopening_needs_an_opened_case() =>
        Spec.Given().When(Command()).ThenFails("talent-case.not-opened");

    [Fact]
    public void a_partner_cannot_reopen() =>
        Spec.Given(Opened(), Resolved()).When(Command(by: ChamberStaff)).ThenFails("talent-case.office-only");

    [Fact]
    public void a_case_still_open_cannot_be_reopened() =>
        Spec.Given(Opened()).When(Command()).ThenFails("talent-case.not-closed");

    [Fact]
    public void reopening_needs_a_reason() =>
        Spec.Given(Opened(), Resolved()).When(Command(reason: new BilingualText("", ""))).ThenFails("talent-case.reason-required");

    [Fact]
    public void the_thirty_first_day_after_resolution_is_too_late() =>
        Spec.Given(Opened(), Resolved()).When(Command(On(2024, 11, 17))).ThenFails("talent-case.reopen-window-closed");

    [Fact]
    public void reopening_dated_before_the_resolution_is_refused() =>
        Spec.Given(Opened(), Resolved()).When(Command(On(2024, 10, 16))).ThenFails("talent-case.date-before-opening");
}
