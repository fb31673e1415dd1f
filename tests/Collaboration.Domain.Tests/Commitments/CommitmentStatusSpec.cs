using Collaboration.Domain.Commitments;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

/// <summary>The six derived statuses. Accepted on 2024-06-03, due 2024-12-31; the at-risk window opens on 2024-12-01.</summary>
public sealed class CommitmentStatusSpec
{
    private static CommitmentStatus StatusOn(DateOnly today, params ICommitmentEvent[] history) =>
        CommitmentStatusCalculator.Status(CommitmentSpec.Replay(history), today);

    [Fact]
    public void empty_stream_is_not_started() =>
        StatusOn(Today).Should().Be(CommitmentStatus.NotStarted);

    [Fact]
    public void proposal_awaiting_the_office_is_not_started() =>
        StatusOn(Today, Proposed()).Should().Be(CommitmentStatus.NotStarted);

    [Fact]
    public void accepted_commitment_without_approved_progress_is_not_started() =>
        StatusOn(Today, Proposed(), Accepted(), Reported(R1, 40m)).Should().Be(CommitmentStatus.NotStarted);

    [Fact]
    public void approved_progress_makes_a_commitment_on_track() =>
        StatusOn(Today, Proposed(), Accepted(), Reported(R1, 30m), Approved(R1, 30m)).Should().Be(CommitmentStatus.OnTrack);

    [Fact]
    public void a_done_milestone_makes_a_commitment_on_track() =>
        StatusOn(Today, Proposed(), Accepted(), MilestoneAdded(M1, 20m), MilestoneDone(M1)).Should().Be(CommitmentStatus.OnTrack);

    [Fact]
    public void an_open_milestone_past_its_due_date_puts_the_commitment_at_risk() =>
        StatusOn(new DateOnly(2024, 10, 1), Proposed(), Accepted(), MilestoneAdded(M1, 20m, new DateOnly(2024, 9, 30)))
            .Should().Be(CommitmentStatus.AtRisk);

    [Fact]
    public void progress_far_behind_plan_near_the_due_date_is_at_risk() =>
        StatusOn(new DateOnly(2024, 12, 15), Proposed(), Accepted(), Reported(R1, 30m), Approved(R1, 30m))
            .Should().Be(CommitmentStatus.AtRisk);

    [Fact]
    public void progress_close_to_plan_near_the_due_date_is_on_track() =>
        StatusOn(new DateOnly(2024, 12, 15), Proposed(), Accepted(), Reported(R1, 80m), Approved(R1, 80m))
            .Should().Be(CommitmentStatus.OnTrack);

    [Fact]
    public void lagging_progress_far_from_the_due_date_is_not_yet_at_risk() =>
        StatusOn(new DateOnly(2024, 11, 30), Proposed(), Accepted(), Reported(R1, 5m), Approved(R1, 5m))
            .Should().Be(CommitmentStatus.OnTrack);

    [Fact]
    public void commitment_past_its_due_date_and_not_complete_is_overdue() =>
        StatusOn(DueDate.AddDays(1), Proposed(), Accepted(), Reported(R1, 90m), Approved(R1, 90m))
            .Should().Be(CommitmentStatus.Overdue);

    [Fact]
    public void commitment_is_not_overdue_on_its_due_date() =>
        StatusOn(DueDate, Proposed(), Accepted(), Reported(R1, 100m), Approved(R1, 100m))
            .Should().Be(CommitmentStatus.OnTrack);

    [Fact]
    public void overdue_outranks_at_risk() =>
        StatusOn(DueDate.AddDays(1), Proposed(), Accepted(), MilestoneAdded(M1, 20m))
            .Should().Be(CommitmentStatus.Overdue);

    [Fact]
    public void completed_commitment_is_completed_even_after_its_due_date() =>
        StatusOn(DueDate.AddDays(10), Proposed(), Accepted(), Completed()).Should().Be(CommitmentStatus.Completed);

    [Fact]
    public void cancelled_commitment_is_cancelled_even_after_its_due_date() =>
        StatusOn(DueDate.AddDays(10), Proposed(), Accepted(), Cancelled()).Should().Be(CommitmentStatus.Cancelled);

    [Theory]
    [InlineData("2024-06-03", 0)]
    [InlineData("2024-12-31", 100)]
    [InlineData("2025-03-01", 100)]
    [InlineData("2024-05-01", 0)]
    public void expected_progress_is_linear_and_clamped(string today, int expected) =>
        CommitmentStatusCalculator.ExpectedProgress(Today, DueDate, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(expected);
}
