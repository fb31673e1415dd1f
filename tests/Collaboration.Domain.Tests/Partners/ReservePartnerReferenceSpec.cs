using Collaboration.Domain.Partners;
using static Collaboration.Domain.Tests.Partners.PartnerFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Partners.PartnerReferenceDecider,
    Collaboration.Domain.Partners.PartnerReferenceState,
    Collaboration.Domain.Partners.IPartnerReferenceCommand,
    Collaboration.Domain.Partners.IPartnerReferenceEvent>;

namespace Collaboration.Domain.Tests.Partners;

public sealed class ReservePartnerReferenceSpec
{
    private static readonly PartnerReferenceReserved Reserved = new("sicc-001", Chamber, At);

    [Fact]
    public void free_reference_is_reserved_for_the_partner_in_normalised_form() =>
        Spec.Given().When(new ReservePartnerReference(" SICC 001", Chamber, At)).Then(Reserved);

    [Fact]
    public void reserving_again_for_the_same_partner_records_nothing() =>
        Spec.Given(Reserved).When(new ReservePartnerReference("sicc-001", Chamber, At.AddMinutes(1))).Then();

    [Fact]
    public void reference_held_by_another_partner_is_refused() =>
        Spec.Given(Reserved).When(new ReservePartnerReference("SICC-001", OtherPartner, At)).ThenFails("partner.reference-taken");

    [Fact]
    public void malformed_reference_is_refused() =>
        Spec.Given().When(new ReservePartnerReference("sicc?001", Chamber, At)).ThenFails("partner.reference-invalid");

    [Fact]
    public void reference_stream_name_uses_the_normalised_reference() =>
        PartnerReferenceDecider.StreamName("  SICC 001 ").Should().Be("partner-reference-sicc-001");
}
