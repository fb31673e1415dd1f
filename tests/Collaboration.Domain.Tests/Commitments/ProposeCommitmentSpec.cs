using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

public sealed class ProposeCommitmentSpec
{
    [Fact]
    public void owner_partner_proposes_a_commitment_under_an_active_memorandum() =>
        CommitmentSpec.Given()
            .When(Propose())
            .Then(Proposed());

    [Fact]
    public void office_proposes_a_commitment_on_behalf_of_a_party() =>
        CommitmentSpec.Given()
            .When(Propose() with { By = Office })
            .Then(Proposed() with { ProposedBy = Office.Id });

    [Fact]
    public void the_same_commitment_cannot_be_proposed_twice() =>
        CommitmentSpec.Given(Proposed())
            .When(Propose())
            .ThenFails("commitment.already-exists");

    [Fact]
    public void partner_cannot_propose_a_commitment_owned_by_another_organisation() =>
        CommitmentSpec.Given()
            .When(Propose() with { By = OtherPartner })
            .ThenFails("commitment.not-owner");

    [Fact]
    public void observer_cannot_propose_a_commitment() =>
        CommitmentSpec.Given()
            .When(Propose() with { By = Observer })
            .ThenFails("commitment.not-owner");

    [Theory]
    [InlineData(MemorandumStatus.Draft)]
    [InlineData(MemorandumStatus.Suspended)]
    [InlineData(MemorandumStatus.Completed)]
    [InlineData(MemorandumStatus.Terminated)]
    public void commitment_cannot_be_proposed_under_a_memorandum_that_is_not_active(MemorandumStatus status) =>
        CommitmentSpec.Given()
            .When(Propose() with { Memorandum = MemorandumIn(status) })
            .ThenFails("commitment.memorandum-not-active");

    [Fact]
    public void owner_must_be_a_party_to_the_memorandum() =>
        CommitmentSpec.Given()
            .When(Propose() with { Owner = Outsider, By = Office })
            .ThenFails("commitment.owner-not-party");

    [Fact]
    public void focus_area_must_be_covered_by_the_memorandum() =>
        CommitmentSpec.Given()
            .When(Propose() with { FocusArea = FocusArea.ParkIndustrialPolicy })
            .ThenFails("commitment.focus-area-not-covered");

    [Fact]
    public void description_is_required() =>
        CommitmentSpec.Given()
            .When(Propose() with { Description = Empty })
            .ThenFails("commitment.description-required");

    [Fact]
    public void description_in_one_language_is_accepted_and_stays_visibly_untranslated() =>
        CommitmentSpec.Given()
            .When(Propose() with { Description = new BilingualText("外籍人才政策宣讲", null) })
            .Then(Proposed() with { Description = new BilingualText("外籍人才政策宣讲", null) });

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void weight_must_be_positive(int weight) =>
        CommitmentSpec.Given()
            .When(Propose() with { Weight = weight })
            .ThenFails("commitment.weight-invalid");

    [Fact]
    public void due_date_cannot_be_before_the_proposal_date() =>
        CommitmentSpec.Given()
            .When(Propose() with { DueDate = Today.AddDays(-1) })
            .ThenFails("commitment.due-date-in-past");

    [Fact]
    public void due_date_cannot_be_after_the_memorandum_term() =>
        CommitmentSpec.Given()
            .When(Propose() with { DueDate = Memorandum.TermEnd.AddDays(1) })
            .ThenFails("commitment.due-outside-term");

    [Fact]
    public void due_date_cannot_be_before_the_memorandum_term_starts() =>
        CommitmentSpec.Given()
            .When(Propose() with { At = new DateTimeOffset(2024, 5, 20, 9, 0, 0, TimeSpan.FromHours(8)), DueDate = new DateOnly(2024, 5, 25) })
            .ThenFails("commitment.due-outside-term");
}
