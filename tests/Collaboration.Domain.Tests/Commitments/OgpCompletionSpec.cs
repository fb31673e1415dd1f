using Collaboration.Domain.Commitments;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class OgpCompletionSpec
{
    private static OgpCompletion WithApproved(decimal percent) =>
        CommitmentStatusCalculator.OgpCompletion(CommitmentSpec.Replay(Proposed(), Accepted(), Reported(R1, percent), Approved(R1, percent)));

    [Fact]
    public void nothing_approved_is_not_started() =>
        CommitmentStatusCalculator.OgpCompletion(CommitmentSpec.Replay(Proposed(), Accepted())).Should().Be(OgpCompletion.NotStarted);

    [Fact]
    public void zero_approved_is_not_started() => WithApproved(0m).Should().Be(OgpCompletion.NotStarted);

    [Theory]
    [InlineData(0.01)]
    [InlineData(49.99)]
    public void above_zero_and_below_fifty_is_limited(double percent) =>
        WithApproved((decimal)percent).Should().Be(OgpCompletion.Limited);

    [Theory]
    [InlineData(50)]
    [InlineData(99.99)]
    public void fifty_and_above_is_substantial(double percent) =>
        WithApproved((decimal)percent).Should().Be(OgpCompletion.Substantial);

    [Fact]
    public void one_hundred_approved_but_not_completed_is_still_substantial() =>
        WithApproved(100m).Should().Be(OgpCompletion.Substantial);

    [Fact]
    public void completed_commitment_is_complete() =>
        CommitmentStatusCalculator.OgpCompletion(CommitmentSpec.Replay(Proposed(), Accepted(), Completed())).Should().Be(OgpCompletion.Complete);

    [Fact]
    public void done_milestones_count_towards_the_level_even_when_the_report_is_lower() =>
        CommitmentStatusCalculator.OgpCompletion(CommitmentSpec.Replay(
                Proposed(), Accepted(), MilestoneAdded(M1, 60m), MilestoneDone(M1), Reported(R1, 10m), Approved(R1, 10m)))
            .Should().Be(OgpCompletion.Substantial);
}
