using Collaboration.Domain.Commitments;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class CommitmentViewSpec
{
    [Fact]
    public void empty_stream_has_no_view() =>
        CommitmentView.From(CommitmentDecider.Initial).Should().BeNull();

    [Fact]
    public void view_lists_milestones_with_status_and_the_approved_history()
    {
        var view = CommitmentView.From(CommitmentSpec.Replay(
            Proposed(), Accepted(), MilestoneAdded(M1, 30m), MilestoneAdded(M2, 30m), MilestoneDone(M1),
            Reported(R1, 20m), Approved(R1, 20m), Reported(R2, 45m) with { Report = R2 }, Returned(R2)));

        view.Should().BeEquivalentTo(new
        {
            Id,
            Stage = CommitmentStage.Accepted,
            Milestones = new[]
            {
                new { Id = M1, Status = MilestoneStatus.Done },
                new { Id = M2, Status = MilestoneStatus.Open },
            },
            Reports = new[]
            {
                new { Id = R1, Status = ProgressReportStatus.Approved },
                new { Id = R2, Status = ProgressReportStatus.Returned },
            },
            ApprovedHistory = new[] { new ApprovedProgressPoint(R1, 20m, Today, Today) },
            ApprovedProgress = 30m,
            Ogp = OgpCompletion.Limited,
        });
    }

    [Fact]
    public void stream_name_is_commitment_dash_guid() =>
        CommitmentDecider.StreamName(Id).Should().Be("commitment-0190a1b2-0000-7000-8000-000000000001");
}
