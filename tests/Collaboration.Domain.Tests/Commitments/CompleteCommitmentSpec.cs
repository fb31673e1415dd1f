using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class CompleteCommitmentSpec
{
    [Fact]
    public void office_completes_a_commitment_whose_milestones_are_all_done() =>
        CommitmentSpec.Given(Proposed(), Accepted(), MilestoneAdded(M1, 40m), MilestoneAdded(M2, 60m), MilestoneDone(M1), MilestoneDone(M2))
            .When(Complete())
            .Then(Completed());

    [Fact]
    public void commitment_without_milestones_can_be_completed() =>
        CommitmentSpec.Given(Proposed(), Accepted())
            .When(Complete())
            .Then(Completed());

    [Fact]
    public void unknown_commitment_cannot_be_completed() =>
        CommitmentSpec.Given()
            .When(Complete())
            .ThenFails("commitment.not-found");

    [Fact]
    public void proposed_commitment_cannot_be_completed() =>
        CommitmentSpec.Given(Proposed())
            .When(Complete())
            .ThenFails("commitment.not-accepted");

    [Fact]
    public void completed_commitment_cannot_be_completed_again() =>
        CommitmentSpec.Given(Proposed(), Accepted(), Completed())
            .When(Complete())
            .ThenFails("commitment.closed");

    [Fact]
    public void owner_partner_cannot_declare_completion() =>
        CommitmentSpec.Given(Proposed(), Accepted())
            .When(Complete() with { By = OwnerUser })
            .ThenFails("commitment.office-only");

    [Fact]
    public void commitment_of_a_terminated_memorandum_cannot_be_completed() =>
        CommitmentSpec.Given(Proposed(), Accepted())
            .When(Complete() with { Memorandum = MemorandumIn(MemorandumStatus.Terminated) })
            .ThenFails("commitment.memorandum-not-active");

    [Fact]
    public void completion_requires_every_milestone_done() =>
        CommitmentSpec.Given(Proposed(), Accepted(), MilestoneAdded(M1, 40m), MilestoneAdded(M2, 60m), MilestoneDone(M1))
            .When(Complete())
            .ThenFails("commitment.milestones-incomplete");

    [Fact]
    public void commitment_cannot_be_completed_with_another_memorandums_snapshot() =>
        CommitmentSpec.Given(Proposed(), Accepted())
            .When(Complete() with { Memorandum = Memorandum with { Id = MemorandumId.New() } })
            .ThenFails("commitment.memorandum-mismatch");
}
