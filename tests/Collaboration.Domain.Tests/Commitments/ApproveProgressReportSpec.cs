using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class ApproveProgressReportSpec
{
    private static readonly ICommitmentEvent[] Pending = [Proposed(), Accepted(), Reported(R1, 30m)];

    [Fact]
    public void office_approves_a_pending_report_with_its_figures() =>
        CommitmentSpec.Given(Pending)
            .When(Approve(R1))
            .Then(Approved(R1, 30m));

    [Fact]
    public void report_of_an_unknown_commitment_cannot_be_approved() =>
        CommitmentSpec.Given()
            .When(Approve(R1))
            .ThenFails("commitment.not-found");

    [Fact]
    public void report_of_a_cancelled_commitment_cannot_be_approved() =>
        CommitmentSpec.Given([.. Pending, Cancelled()])
            .When(Approve(R1))
            .ThenFails("commitment.closed");

    [Fact]
    public void partner_cannot_approve_its_own_report() =>
        CommitmentSpec.Given(Pending)
            .When(Approve(R1) with { By = OwnerUser })
            .ThenFails("commitment.office-only");

    [Fact]
    public void report_cannot_be_approved_with_another_memorandums_snapshot() =>
        CommitmentSpec.Given(Pending)
            .When(Approve(R1) with { Memorandum = Memorandum with { Id = MemorandumId.New() } })
            .ThenFails("commitment.memorandum-mismatch");

    [Fact]
    public void report_cannot_be_approved_while_the_memorandum_is_suspended() =>
        CommitmentSpec.Given(Pending)
            .When(Approve(R1) with { Memorandum = MemorandumIn(MemorandumStatus.Suspended) })
            .ThenFails("commitment.memorandum-not-active");

    [Fact]
    public void unknown_report_cannot_be_approved() =>
        CommitmentSpec.Given(Pending)
            .When(Approve(R2))
            .ThenFails("commitment.report-not-found");

    [Fact]
    public void returned_report_cannot_be_approved() =>
        CommitmentSpec.Given([.. Pending, Returned(R1)])
            .When(Approve(R1))
            .ThenFails("commitment.report-not-pending");

    [Fact]
    public void nothing_can_be_approved_before_the_commitment_is_accepted() =>
        CommitmentSpec.Given(Proposed())
            .When(Approve(R1))
            .ThenFails("commitment.not-accepted");
}
