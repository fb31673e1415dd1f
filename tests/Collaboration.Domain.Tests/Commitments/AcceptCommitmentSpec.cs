using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class AcceptCommitmentSpec
{
    [Fact]
    public void office_accepts_a_proposed_commitment() =>
        CommitmentSpec.Given(Proposed())
            .When(Accept())
            .Then(Accepted());

    [Fact]
    public void an_unknown_commitment_cannot_be_accepted() =>
        CommitmentSpec.Given()
            .When(Accept())
            .ThenFails("commitment.not-found");

    [Fact]
    public void an_accepted_commitment_cannot_be_accepted_again() =>
        CommitmentSpec.Given(Proposed(), Accepted())
            .When(Accept())
            .ThenFails("commitment.not-proposed");

    [Fact]
    public void a_cancelled_commitment_cannot_be_accepted() =>
        CommitmentSpec.Given(Proposed(), Cancelled())
            .When(Accept())
            .ThenFails("commitment.not-proposed");

    [Fact]
    public void owner_partner_cannot_accept_its_own_commitment() =>
        CommitmentSpec.Given(Proposed())
            .When(Accept() with { By = OwnerUser })
            .ThenFails("commitment.office-only");

    [Fact]
    public void snapshot_of_another_memorandum_is_refused() =>
        CommitmentSpec.Given(Proposed())
            .When(Accept() with { Memorandum = Memorandum with { Id = MemorandumId.New() } })
            .ThenFails("commitment.memorandum-mismatch");

    [Theory]
    [InlineData(MemorandumStatus.Suspended)]
    [InlineData(MemorandumStatus.Terminated)]
    [InlineData(MemorandumStatus.Completed)]
    public void commitment_of_an_inactive_memorandum_cannot_be_accepted(MemorandumStatus status) =>
        CommitmentSpec.Given(Proposed())
            .When(Accept() with { Memorandum = MemorandumIn(status) })
            .ThenFails("commitment.memorandum-not-active");
}
