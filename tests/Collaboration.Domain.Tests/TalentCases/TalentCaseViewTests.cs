using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.TalentCases.TalentCaseDecider,
    Collaboration.Domain.TalentCases.TalentCaseState,
    Collaboration.Domain.TalentCases.ITalentCaseCommand,
    Collaboration.Domain.TalentCases.ITalentCaseEvent>;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed class TalentCaseViewTests
{
    private static TalentCaseView View(params ITalentCaseEvent[] history) => TalentCaseView.Of(Spec.Given(history).State)!;

    [Fact]
    public void an_empty_stream_has_no_view() =>
        TalentCaseView.Of(TalentCaseDecider.Initial).Should().BeNull();

    [Fact]
    public void a_new_case_reads_as_open_and_unassigned() =>
        View(Opened()).Should().BeEquivalentTo(new
        {
            Status = TalentCaseStatus.Open, Department = (string?)null, DueOn, ReferredBy = (PartnerId?)Chamber,
            Nationality = "RO", Service = TalentService.WorkPermit, Talent = Robert.Person,
        });

    [Fact]
    public void an_assigned_case_shows_its_department_and_officer() =>
        View(Opened(), Assigned()).Should().BeEquivalentTo(new { Status = TalentCaseStatus.Assigned, Department = "hr-bureau", Officer = "officer-wang" });

    [Fact]
    public void a_case_awaiting_information_shows_the_pause() =>
        View(Opened(), InformationRequested()).Should().BeEquivalentTo(new { Status = TalentCaseStatus.AwaitingInformation, Paused = true, PausedSince = (DateOnly?)new DateOnly(2024, 10, 8) });

    [Fact]
    public void an_extended_and_escalated_case_shows_both() =>
        View(Opened(), Extended(), Escalated()).Should().BeEquivalentTo(new { Extended = true, Escalated = true, DueOn = new DateOnly(2024, 10, 25) });

    [Fact]
    public void a_resolved_case_shows_its_closing_date_and_rating() =>
        View(Opened(), Resolved(), Rated(4)).Should().BeEquivalentTo(new { Status = TalentCaseStatus.Resolved, ClosedOn = (DateOnly?)new DateOnly(2024, 10, 17), Satisfaction = (int?)4, ResolvedWithinDeadline = (bool?)true });

    [Fact]
    public void a_reopened_case_counts_its_reopenings_and_forgets_the_old_rating() =>
        View(Opened(), Resolved(), Rated(), Reopened()).Should().BeEquivalentTo(new { Status = TalentCaseStatus.Open, ReopenCount = 1, Satisfaction = (int?)null, DueOn = new DateOnly(2024, 11, 15) });
}
