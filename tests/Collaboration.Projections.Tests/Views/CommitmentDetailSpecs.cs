using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Running;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Views;

public sealed class CommitmentDetailSpecs
{
    private static readonly CommitmentId Commitment = CommitmentId.New();
    private static readonly MilestoneId Milestone = MilestoneId.New();

    public static TheoryData<string> Histories => ["proposed", "accepted-with-late-milestone", "reported", "reported-lagging", "cancelled"];

    private static ICommitmentEvent[] History(string name)
    {
        var proposed = Events.Proposed(Commitment, MemorandumId.New(), PartnerId.New(), 2m, new DateOnly(2025, 3, 31));
        ICommitmentEvent[] accepted = [proposed, Events.Accepted(Commitment), Events.Milestone(Commitment, Milestone, 30m, new DateOnly(2024, 11, 15))];
        return name switch
        {
            "accepted-with-late-milestone" => accepted,
            "reported" => [.. accepted, Events.MilestoneDone(Commitment, Milestone), .. Events.ApprovedReport(Commitment, 55m).Cast<ICommitmentEvent>()],
            "cancelled" => [.. accepted, Events.Cancelled(Commitment)],
            // No open milestone; 70 % approved falls more than 25 points behind the plan only late in the last 30 days.
            "reported-lagging" => [.. accepted, Events.MilestoneDone(Commitment, Milestone), .. Events.ApprovedReport(Commitment, 70m).Cast<ICommitmentEvent>()],
            _ => [proposed],
        };
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task the_stored_detail_gives_the_domains_status_on_every_day(string history)
    {
        var events = History(history);
        var state = events.Aggregate(CommitmentDecider.Initial, CommitmentDecider.Evolve);
        var store = await ProjectionReplayer.ReplayAsync(new CommitmentDetailProjection(), MemorandumProgressSpecs.Recorded(events), TempStore.Serializer);
        var detail = store.Get<CommitmentDetail>(CommitmentDetailProjection.ViewName, Commitment.ToString())!;

        for (var day = new DateOnly(2024, 9, 1); day <= new DateOnly(2025, 5, 1); day = day.AddDays(7))
        {
            detail.StatusOn(day).Should().Be(CommitmentStatusCalculator.Status(state, day), $"on {day}");
        }

        detail.Commitment.ApprovedHistory.Should().HaveCount(history.StartsWith("reported", StringComparison.Ordinal) ? 1 : 0);
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task at_risk_from_is_the_first_day_the_domain_calls_the_commitment_at_risk(string history)
    {
        var events = History(history);
        var state = events.Aggregate(CommitmentDecider.Initial, CommitmentDecider.Evolve);
        var store = await ProjectionReplayer.ReplayAsync(new CommitmentDetailProjection(), MemorandumProgressSpecs.Recorded(events), TempStore.Serializer);
        var detail = store.Get<CommitmentDetail>(CommitmentDetailProjection.ViewName, Commitment.ToString())!;

        var expected = DateOnly.MaxValue;
        for (var day = new DateOnly(2024, 9, 1); day <= new DateOnly(2025, 3, 31); day = day.AddDays(1))
        {
            if (CommitmentStatusCalculator.Status(state, day) == CommitmentStatus.AtRisk)
            {
                expected = day;
                break;
            }
        }

        detail.AtRiskFrom.Should().Be(expected);
        if (history == "reported-lagging")
        {
            // Inside the 30-day window, not at its start: the approved percent decides the day.
            expected.Should().BeAfter(new DateOnly(2025, 3, 1)).And.BeBefore(new DateOnly(2025, 3, 31));
        }
    }
}
