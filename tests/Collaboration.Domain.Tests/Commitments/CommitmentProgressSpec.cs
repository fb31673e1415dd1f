using Collaboration.Domain.Commitments;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class CommitmentProgressSpec
{
    [Fact]
    public void submitted_figures_do_not_count() =>
        CommitmentProgress.Approved(CommitmentSpec.Replay(Proposed(), Accepted(), Reported(R1, 40m))).Should().Be(0m);

    [Fact]
    public void returned_figures_do_not_count() =>
        CommitmentProgress.Approved(CommitmentSpec.Replay(Proposed(), Accepted(), Reported(R1, 40m), Returned(R1))).Should().Be(0m);

    [Fact]
    public void the_latest_approved_figure_wins_even_when_lower() =>
        CommitmentProgress.Approved(CommitmentSpec.Replay(
                Proposed(), Accepted(), Reported(R1, 40m), Approved(R1, 40m), Reported(R2, 35m) with { Report = R2 }, Approved(R2, 35m)))
            .Should().Be(35m);

    [Fact]
    public void approved_progress_is_floored_at_completed_milestone_shares() =>
        CommitmentProgress.Approved(CommitmentSpec.Replay(
                Proposed(), Accepted(), MilestoneAdded(M1, 30m), MilestoneAdded(M2, 30m), MilestoneDone(M1), MilestoneDone(M2), Reported(R1, 20m), Approved(R1, 20m)))
            .Should().Be(60m);

    [Fact]
    public void completion_counts_as_one_hundred() =>
        CommitmentProgress.Approved(CommitmentSpec.Replay(Proposed(), Accepted(), Reported(R1, 20m), Approved(R1, 20m), Completed()))
            .Should().Be(100m);
}
