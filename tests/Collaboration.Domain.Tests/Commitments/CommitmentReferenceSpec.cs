using System.Text.Json;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

/// <summary>ADR 0020: a commitment imported from a spreadsheet row is keyed by (memorandum, reference).</summary>
public sealed class CommitmentReferenceSpec
{
    private static readonly CommitmentId Referenced = CommitmentReference.IdFor(MemoId, "HK-2024-01");

    [Fact]
    public void a_referenced_commitment_records_its_normalised_reference() =>
        CommitmentSpec.Given()
            .When(Propose() with { Commitment = Referenced, ExternalReference = "  HK-2024-01 " })
            .Then(Proposed() with { Commitment = Referenced, ExternalReference = "hk-2024-01" });

    [Fact]
    public void the_id_must_be_the_one_derived_from_memorandum_and_reference() =>
        CommitmentSpec.Given()
            .When(Propose() with { ExternalReference = "HK-2024-01" })
            .ThenFails("commitment.external-reference-mismatch");

    [Fact]
    public void a_reference_with_forbidden_characters_is_refused() =>
        CommitmentSpec.Given()
            .When(Propose() with { Commitment = CommitmentReference.IdFor(MemoId, "a#b"), ExternalReference = "a#b" })
            .ThenFails("commitment.external-reference-invalid");

    [Fact]
    public void the_derived_id_ignores_case_and_spacing_but_not_the_memorandum()
    {
        CommitmentReference.IdFor(MemoId, " hk 2024 01 ").Should().Be(CommitmentReference.IdFor(MemoId, "HK-2024-01"));
        CommitmentReference.IdFor(MemorandumId.New(), "HK-2024-01").Should().NotBe(Referenced);
        CommitmentReference.IdFor(MemoId, "HK-2024-02").Should().NotBe(Referenced);
    }

    [Fact]
    public void the_state_keeps_the_reference() =>
        CommitmentDecider.Evolve(CommitmentDecider.Initial, Proposed() with { ExternalReference = "hk-2024-01" })
            .Should().BeOfType<ProposedCommitment>().Which.File.ExternalReference.Should().Be("hk-2024-01");

    [Fact]
    public void an_event_without_a_reference_is_written_as_before_and_an_old_event_reads_with_null()
    {
        var json = JsonSerializer.Serialize(Proposed(), CommitmentsJsonContext.Default.CommitmentProposed);
        json.Should().NotContain("externalReference");

        var back = JsonSerializer.Deserialize(json, CommitmentsJsonContext.Default.CommitmentProposed)!;
        back.ExternalReference.Should().BeNull();

        var referenced = JsonSerializer.Serialize(Proposed() with { ExternalReference = "hk-1" }, CommitmentsJsonContext.Default.CommitmentProposed);
        referenced.Should().Contain("\"externalReference\":\"hk-1\"");
        JsonSerializer.Deserialize(referenced, CommitmentsJsonContext.Default.CommitmentProposed)!.ExternalReference.Should().Be("hk-1");
    }
}
