using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class RecordTalentSatisfactionSpec
{
    private static RecordTalentSatisfaction Command(int score = 5, Actor? by = null) =>
        new(Id, score, by ?? ChamberStaff, On(2024, 10, 18));

    [Fact]
    public void the_referring_partner_records_the_talents_satisfaction() =>
        Spec.Given(Opened(), Resolved()).When(Command()).Then(Rated());

    [Fact]
    public void a_reopened_and_resolved_again_case_can_be_rated_again() =>
        Spec.Given(Opened(), Resolved(), Rated(2), Reopened(), Resolved(new DateOnly(2024, 11, 8)))
            .When(Command(4) with { At = On(2024, 11, 8) })
            .Then(new TalentCaseSatisfactionRecorded(Id, 4, ChamberStaff.Id, On(2024, 11, 8)));

    [Fact]
    public void satisfaction_needs_an_opened_case() =>
        Spec.Given().When(Command()).ThenFails("talent-case.not-opened");

    [Fact]
    public void another_partner_cannot_record_satisfaction() =>
        Spec.Given(Opened(), Resolved()).When(Command(by: ParkStaff)).ThenFails("talent-case.not-referrer");

    [Fact]
    public void satisfaction_needs_a_resolved_case() =>
        Spec.Given(Opened()).When(Command()).ThenFails("talent-case.not-resolved");

    [Fact]
    public void a_rejected_case_cannot_be_rated() =>
        Spec.Given(Opened(), Rejected()).When(Command()).ThenFails("talent-case.not-resolved");

    [Fact]
    public void satisfaction_is_recorded_once_per_resolution() =>
        Spec.Given(Opened(), Resolved(), Rated()).When(Command(3)).ThenFails("talent-case.satisfaction-already-recorded");

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void satisfaction_is_a_score_from_1_to_5(int score) =>
        Spec.Given(Opened(), Resolved()).When(Command(score)).ThenFails("talent-case.satisfaction-out-of-range");
}
