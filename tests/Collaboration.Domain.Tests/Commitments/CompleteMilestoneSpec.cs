using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class CompleteMilestoneSpec
{
    private static readonly ICommitmentEvent[] WithOpenMilestone = [Proposed(), Accepted(), MilestoneAdded(M1, 40m)];

    [Fact]
    public void owner_completes_an_open_milestone() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(CompleteMilestone(M1))
            .Then(MilestoneDone(M1));

    [Fact]
    public void office_completes_a_milestone() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(CompleteMilestone(M1) with { By = Office })
            .Then(MilestoneDone(M1) with { CompletedBy = Office.Id });

    [Fact]
    public void milestone_of_an_unknown_commitment_cannot_be_completed() =>
        CommitmentSpec.Given()
            .When(CompleteMilestone(M1))
            .ThenFails("commitment.not-found");

    [Fact]
    public void milestone_cannot_be_completed_before_the_commitment_is_accepted() =>
        CommitmentSpec.Given(Proposed(), MilestoneAdded(M1, 40m))
            .When(CompleteMilestone(M1))
            .ThenFails("commitment.not-accepted");

    [Fact]
    public void milestone_of_a_cancelled_commitment_cannot_be_completed() =>
        CommitmentSpec.Given([.. WithOpenMilestone, Cancelled()])
            .When(CompleteMilestone(M1))
            .ThenFails("commitment.closed");

    [Fact]
    public void partner_of_another_organisation_cannot_complete_a_milestone() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(CompleteMilestone(M1) with { By = OtherPartner })
            .ThenFails("commitment.not-owner");

    [Fact]
    public void milestone_cannot_progress_while_the_memorandum_is_suspended() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(CompleteMilestone(M1) with { Memorandum = MemorandumIn(MemorandumStatus.Suspended) })
            .ThenFails("commitment.memorandum-not-active");

    [Fact]
    public void unknown_milestone_cannot_be_completed() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(CompleteMilestone(M2))
            .ThenFails("commitment.milestone-not-found");

    [Fact]
    public void milestone_cannot_be_completed_twice() =>
        CommitmentSpec.Given([.. WithOpenMilestone, MilestoneDone(M1)])
            .When(CompleteMilestone(M1))
            .ThenFails("commitment.milestone-not-open");

    [Fact]
    public void milestone_cannot_be_completed_with_another_memorandums_snapshot() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(CompleteMilestone(M1) with { Memorandum = Memorandum with { Id = MemorandumId.New() } })
            .ThenFails("commitment.memorandum-mismatch");
}
