using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class AddMilestoneSpec
{
    [Fact]
    public void owner_adds_a_milestone_to_an_accepted_commitment() =>
        CommitmentSpec.Given(Proposed(), Accepted())
            .When(AddMilestone(M1, 40m))
            .Then(MilestoneAdded(M1, 40m));

    [Fact]
    public void milestones_can_be_planned_before_the_office_accepts() =>
        CommitmentSpec.Given(Proposed())
            .When(AddMilestone(M1, 40m))
            .Then(MilestoneAdded(M1, 40m));

    [Fact]
    public void shares_may_add_up_to_exactly_one_hundred() =>
        CommitmentSpec.Given(Proposed(), MilestoneAdded(M1, 60m))
            .When(AddMilestone(M2, 40m))
            .Then(MilestoneAdded(M2, 40m));

    [Fact]
    public void milestone_cannot_be_added_to_an_unknown_commitment() =>
        CommitmentSpec.Given()
            .When(AddMilestone(M1, 40m))
            .ThenFails("commitment.not-found");

    [Fact]
    public void milestone_cannot_be_added_to_a_completed_commitment() =>
        CommitmentSpec.Given(Proposed(), Accepted(), Completed())
            .When(AddMilestone(M1, 40m))
            .ThenFails("commitment.closed");

    [Fact]
    public void milestone_cannot_be_added_to_a_cancelled_commitment() =>
        CommitmentSpec.Given(Proposed(), Cancelled())
            .When(AddMilestone(M1, 40m))
            .ThenFails("commitment.closed");

    [Fact]
    public void partner_of_another_organisation_cannot_add_a_milestone() =>
        CommitmentSpec.Given(Proposed(), Accepted())
            .When(AddMilestone(M1, 40m) with { By = OtherPartner })
            .ThenFails("commitment.not-owner");

    [Fact]
    public void milestone_cannot_be_added_with_another_memorandums_snapshot() =>
        CommitmentSpec.Given(Proposed(), Accepted())
            .When(AddMilestone(M1, 40m) with { Memorandum = Memorandum with { Id = MemorandumId.New() } })
            .ThenFails("commitment.memorandum-mismatch");

    [Fact]
    public void milestone_cannot_be_added_while_the_memorandum_is_suspended() =>
        CommitmentSpec.Given(Proposed(), Accepted())
            .When(AddMilestone(M1, 40m) with { Memorandum = MemorandumIn(MemorandumStatus.Suspended) })
            .ThenFails("commitment.memorandum-not-active");

    [Fact]
    public void the_same_milestone_cannot_be_added_twice() =>
        CommitmentSpec.Given(Proposed(), MilestoneAdded(M1, 40m))
            .When(AddMilestone(M1, 10m))
            .ThenFails("commitment.milestone-already-exists");

    [Fact]
    public void a_commitment_takes_at_most_the_milestone_limit() =>
        CommitmentSpec.Given([Proposed(), .. Enumerable.Range(0, CommitmentDecider.MaxMilestones).Select(_ => MilestoneAdded(MilestoneId.New(), 0.1m))])
            .When(AddMilestone(M1, 0.1m))
            .ThenFails("commitment.milestone-limit-reached");

    [Fact]
    public void the_last_milestone_under_the_limit_is_accepted() =>
        CommitmentSpec.Given([Proposed(), .. Enumerable.Range(0, CommitmentDecider.MaxMilestones - 1).Select(_ => MilestoneAdded(MilestoneId.New(), 0.1m))])
            .When(AddMilestone(M1, 0.1m))
            .Then(MilestoneAdded(M1, 0.1m));

    [Fact]
    public void milestone_title_is_required() =>
        CommitmentSpec.Given(Proposed())
            .When(AddMilestone(M1, 40m) with { Title = Empty })
            .ThenFails("commitment.milestone-title-required");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.5)]
    public void milestone_share_must_be_above_zero_and_at_most_one_hundred(double share) =>
        CommitmentSpec.Given(Proposed())
            .When(AddMilestone(M1, (decimal)share))
            .ThenFails("commitment.milestone-share-invalid");

    [Fact]
    public void milestone_shares_cannot_exceed_one_hundred_in_total() =>
        CommitmentSpec.Given(Proposed(), MilestoneAdded(M1, 60m))
            .When(AddMilestone(M2, 40.01m))
            .ThenFails("commitment.milestone-shares-exceed-total");

    [Fact]
    public void milestone_cannot_be_due_after_the_commitment() =>
        CommitmentSpec.Given(Proposed())
            .When(AddMilestone(M1, 40m) with { DueDate = DueDate.AddDays(1) })
            .ThenFails("commitment.milestone-due-out-of-range");

    [Fact]
    public void milestone_cannot_be_due_in_the_past() =>
        CommitmentSpec.Given(Proposed())
            .When(AddMilestone(M1, 40m) with { DueDate = Today.AddDays(-1) })
            .ThenFails("commitment.milestone-due-out-of-range");
}
