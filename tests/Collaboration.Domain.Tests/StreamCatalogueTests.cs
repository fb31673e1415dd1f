using Collaboration.Domain.Commitments;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Imports;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Observers;
using Collaboration.Domain.Partners;
using Collaboration.Domain.Policies;
using Collaboration.Domain.Privacy;
using Collaboration.Domain.TalentCases;
using Collaboration.Domain.Visibility;

namespace Collaboration.Domain.Tests;

/// <summary>Streams are named and recognised through one catalogue, with the names the log has always held.</summary>
public sealed class StreamCatalogueTests
{
    private static readonly Guid Id = Guid.Parse("0193a000-0000-7000-8000-000000000001");

    public static TheoryData<string, string, ItemKind> Named => new()
    {
        { MemorandumDecider.StreamName(new MemorandumId(Id)), "memorandum-0193a000-0000-7000-8000-000000000001", ItemKind.Memorandum },
        { CommitmentDecider.StreamName(new CommitmentId(Id)), "commitment-0193a000-0000-7000-8000-000000000001", ItemKind.Commitment },
        { TalentCaseDecider.StreamName(new TalentCaseId(Id)), "talent-case-0193a000-0000-7000-8000-000000000001", ItemKind.TalentCase },
        { FeedbackDecider.StreamName(new FeedbackId(Id)), "feedback-0193a000-0000-7000-8000-000000000001", ItemKind.Feedback },
        { ObserverDecider.StreamName(new ObserverId(Id)), "observer-0193a000-0000-7000-8000-000000000001", ItemKind.Observer },
        { PartnerDecider.StreamName(new PartnerId(Id)), "partner-0193a000-0000-7000-8000-000000000001", ItemKind.Partner },
        { PartnerReferenceDecider.StreamName("SICC-001"), "partner-reference-" + PartnerReference.Normalise("SICC-001"), ItemKind.PartnerReference },
        { PolicyDecider.StreamName(new PolicyId(Id)), "policy-0193a000-0000-7000-8000-000000000001", ItemKind.Policy },
        { PersonErased.StreamName(new PersonId(Id)), "person-0193a000-0000-7000-8000-000000000001", ItemKind.PersonErasure },
        { SpreadsheetImported.StreamName(Id), "import-0193a000-0000-7000-8000-000000000001", ItemKind.Unknown },
        { WebhookEndpointDecider.StreamName(Id), "webhook-0193a000-0000-7000-8000-000000000001", ItemKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(Named))]
    public void a_deciders_stream_keeps_its_name_and_is_recognised_as_its_own_kind(string stream, string expected, ItemKind kind)
    {
        stream.Should().Be(expected);
        StreamCatalogue.Of(stream)!.Kind.Should().Be(kind);
        ItemFacts.OfStream(stream).Kind.Should().Be(kind);
    }

    [Fact]
    public void a_partner_reference_stream_is_not_taken_for_a_partner() =>
        StreamCatalogue.Of("partner-reference-sicc-001").Should().BeSameAs(StreamCatalogue.PartnerReferences);

    [Fact]
    public void a_stream_no_aggregate_owns_has_no_family()
    {
        StreamCatalogue.Of("orphan-1").Should().BeNull();
        ItemFacts.OfStream("orphan-1").Kind.Should().Be(ItemKind.Unknown);
    }

    [Fact]
    public void prefixes_are_unique() =>
        StreamCatalogue.All.Select(f => f.Prefix).Should().OnlyHaveUniqueItems();
}
