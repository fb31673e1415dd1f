using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class CancelCommitmentSpec
{
    [Fact]
    public void office_cancels_a_proposed_commitment() =>
        CommitmentSpec.Given(Proposed())
            .When(Cancel())
            .Then(Cancelled());

    [Fact]
    public void office_cancels_an_accepted_commitment_without_needing_an_active_memorandum() =>
        CommitmentSpec.Given(Proposed(), Accepted(), MilestoneAdded(M1, 40m))
            .When(Cancel())
            .Then(Cancelled());

    [Fact]
    public void unknown_commitment_cannot_be_cancelled() =>
        CommitmentSpec.Given()
            .When(Cancel())
            .ThenFails("commitment.not-found");

    [Fact]
    public void completed_commitment_cannot_be_cancelled() =>
        CommitmentSpec.Given(Proposed(), Accepted(), Completed())
            .When(Cancel())
            .ThenFails("commitment.closed");

    [Fact]
    public void cancelled_commitment_cannot_be_cancelled_again() =>
        CommitmentSpec.Given(Proposed(), Cancelled())
            .When(Cancel())
            .ThenFails("commitment.closed");

    [Fact]
    public void partner_cannot_cancel_a_commitment() =>
        CommitmentSpec.Given(Proposed())
            .When(Cancel() with { By = OwnerUser })
            .ThenFails("commitment.office-only");

    [Fact]
    public void cancel_needs_a_reason() =>
        CommitmentSpec.Given(Proposed())
            .When(Cancel() with { Reason = Empty })
            .ThenFails("commitment.cancel-reason-required");
}
