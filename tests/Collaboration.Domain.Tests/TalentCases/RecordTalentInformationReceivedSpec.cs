using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class RecordTalentInformationReceivedSpec
{
    private static RecordTalentInformationReceived Command(DateTimeOffset? at = null, Actor? by = null) =>
        new(Id, by ?? Officer, at ?? On(2024, 10, 11));

    [Fact]
    public void the_deadline_moves_by_the_working_days_paused() =>
        Spec.Given(Opened(), InformationRequested()).When(Command()).Then(InformationReceived());

    [Fact]
    public void a_make_up_saturday_counts_as_a_paused_working_day() =>
        Spec.Given(Opened(), InformationRequested(new DateOnly(2024, 10, 11)))
            .When(Command(On(2024, 10, 14)))
            .Then(new TalentCaseInformationReceived(Id, new DateOnly(2024, 10, 14), 2, new DateOnly(2024, 10, 22), Officer.Id, On(2024, 10, 14)));

    [Fact]
    public void information_received_on_the_request_day_moves_nothing() =>
        Spec.Given(Opened(), InformationRequested())
            .When(Command(On(2024, 10, 8, 16)))
            .Then(new TalentCaseInformationReceived(Id, new DateOnly(2024, 10, 8), 0, DueOn, Officer.Id, On(2024, 10, 8, 16)));

    [Fact]
    public void the_referring_partner_may_hand_in_the_information() =>
        Spec.Given(Opened(), InformationRequested()).When(Command(by: ChamberStaff))
            .Then(InformationReceived() with { By = ChamberStaff.Id });

    [Fact]
    public void receipt_needs_an_opened_case() =>
        Spec.Given().When(Command()).ThenFails("talent-case.not-opened");

    [Fact]
    public void another_partner_cannot_record_receipt() =>
        Spec.Given(Opened(), InformationRequested()).When(Command(by: ParkStaff)).ThenFails("talent-case.not-referrer");

    [Fact]
    public void receipt_without_an_open_request_is_refused() =>
        Spec.Given(Opened()).When(Command()).ThenFails("talent-case.no-open-request");

    [Fact]
    public void receipt_dated_before_the_request_is_refused() =>
        Spec.Given(Opened(), InformationRequested()).When(Command(On(2024, 10, 2))).ThenFails("talent-case.received-before-request");
}
