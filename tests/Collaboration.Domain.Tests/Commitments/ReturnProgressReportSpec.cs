using Collaboration.Domain.Commitments;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class ReturnProgressReportSpec
{
    private static readonly ICommitmentEvent[] Pending = [Proposed(), Accepted(), Reported(R1, 30m)];

    [Fact]
    public void office_returns_a_pending_report_with_a_reason() =>
        CommitmentSpec.Given(Pending)
            .When(Return(R1))
            .Then(Returned(R1));

    [Fact]
    public void report_of_an_unknown_commitment_cannot_be_returned() =>
        CommitmentSpec.Given()
            .When(Return(R1))
            .ThenFails("commitment.not-found");

    [Fact]
    public void report_of_a_completed_commitment_cannot_be_returned() =>
        CommitmentSpec.Given([.. Pending, Completed()])
            .When(Return(R1))
            .ThenFails("commitment.closed");

    [Fact]
    public void partner_cannot_return_a_report() =>
        CommitmentSpec.Given(Pending)
            .When(Return(R1) with { By = OwnerUser })
            .ThenFails("commitment.office-only");

    [Fact]
    public void unknown_report_cannot_be_returned() =>
        CommitmentSpec.Given(Pending)
            .When(Return(R2))
            .ThenFails("commitment.report-not-found");

    [Fact]
    public void approved_report_cannot_be_returned() =>
        CommitmentSpec.Given([.. Pending, Approved(R1, 30m)])
            .When(Return(R1))
            .ThenFails("commitment.report-not-pending");

    [Fact]
    public void return_needs_a_reason() =>
        CommitmentSpec.Given(Pending)
            .When(Return(R1) with { Reason = Empty })
            .ThenFails("commitment.return-reason-required");

    [Fact]
    public void nothing_can_be_returned_before_the_commitment_is_accepted() =>
        CommitmentSpec.Given(Proposed())
            .When(Return(R1))
            .ThenFails("commitment.not-accepted");
}
