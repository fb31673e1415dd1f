using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class RescheduleMilestoneSpec
{
    private static readonly ICommitmentEvent[] WithOpenMilestone = [Proposed(), Accepted(), MilestoneAdded(M1, 40m)];

    [Fact]
    public void owner_reschedules_an_open_milestone_with_a_reason() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(Reschedule(M1))
            .Then(new MilestoneRescheduled(Id, M1, new DateOnly(2024, 9, 30), new DateOnly(2024, 10, 31), Reason, OwnerUser.Id, At));

    [Fact]
    public void milestone_of_an_unknown_commitment_cannot_be_rescheduled() =>
        CommitmentSpec.Given()
            .When(Reschedule(M1))
            .ThenFails("commitment.not-found");

    [Fact]
    public void milestone_of_a_cancelled_commitment_cannot_be_rescheduled() =>
        CommitmentSpec.Given([.. WithOpenMilestone, Cancelled()])
            .When(Reschedule(M1))
            .ThenFails("commitment.closed");

    [Fact]
    public void partner_of_another_organisation_cannot_reschedule() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(Reschedule(M1) with { By = OtherPartner })
            .ThenFails("commitment.not-owner");

    [Fact]
    public void milestone_cannot_be_rescheduled_while_the_memorandum_is_terminated() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(Reschedule(M1) with { Memorandum = MemorandumIn(MemorandumStatus.Terminated) })
            .ThenFails("commitment.memorandum-not-active");

    [Fact]
    public void unknown_milestone_cannot_be_rescheduled() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(Reschedule(M2))
            .ThenFails("commitment.milestone-not-found");

    [Fact]
    public void done_milestone_cannot_be_rescheduled() =>
        CommitmentSpec.Given([.. WithOpenMilestone, MilestoneDone(M1)])
            .When(Reschedule(M1))
            .ThenFails("commitment.milestone-not-open");

    [Fact]
    public void reschedule_needs_a_reason() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(Reschedule(M1) with { Reason = Empty })
            .ThenFails("commitment.reschedule-reason-required");

    [Fact]
    public void reschedule_to_the_same_date_is_refused() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(Reschedule(M1) with { NewDueDate = new DateOnly(2024, 9, 30) })
            .ThenFails("commitment.reschedule-date-unchanged");

    [Fact]
    public void milestone_cannot_be_moved_past_the_commitment_due_date() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(Reschedule(M1) with { NewDueDate = DueDate.AddDays(1) })
            .ThenFails("commitment.milestone-due-out-of-range");

    [Fact]
    public void milestone_cannot_be_moved_into_the_past() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(Reschedule(M1) with { NewDueDate = Today.AddDays(-1) })
            .ThenFails("commitment.milestone-due-out-of-range");

    [Fact]
    public void milestone_cannot_be_rescheduled_with_another_memorandums_snapshot() =>
        CommitmentSpec.Given(WithOpenMilestone)
            .When(Reschedule(M1) with { Memorandum = Memorandum with { Id = MemorandumId.New() } })
            .ThenFails("commitment.memorandum-mismatch");
}
