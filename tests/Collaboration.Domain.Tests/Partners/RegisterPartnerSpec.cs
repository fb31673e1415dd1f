using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using static Collaboration.Domain.Tests.Partners.PartnerFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Partners.PartnerDecider,
    Collaboration.Domain.Partners.PartnerState,
    Collaboration.Domain.Partners.IPartnerCommand,
    Collaboration.Domain.Partners.IPartnerEvent>;

namespace Collaboration.Domain.Tests.Partners;

public sealed class RegisterPartnerSpec
{
    private static RegisterPartner Register(
        string? reference = "sicc-001",
        BilingualText? name = null,
        PartnerKind kind = PartnerKind.ChamberOfCommerce,
        PartnerContact? contact = null) =>
        new(Chamber, kind, name ?? ChamberName, [contact ?? Liaison], reference, At);

    [Fact]
    public void chamber_of_commerce_is_registered_with_its_bilingual_name_and_contacts() =>
        Spec.Given().When(Register()).Then(Registered());

    [Fact]
    public void external_reference_is_stored_normalised() =>
        Spec.Given().When(Register("  SICC 001 ")).Then(Registered("sicc-001"));

    [Fact]
    public void partner_without_external_reference_is_registered() =>
        Spec.Given().When(Register(reference: null)).Then(Registered(reference: null));

    [Fact]
    public void partner_with_only_a_chinese_name_is_registered_with_the_translation_missing() =>
        Spec.Given().When(Register(name: new BilingualText("上海国际商会", null)))
            .Then(Registered() with { Name = new BilingualText("上海国际商会", null) });

    [Fact]
    public void registering_twice_is_refused() =>
        Spec.Given(Registered()).When(Register()).ThenFails("partner.already-registered");

    [Fact]
    public void partner_without_a_name_is_refused() =>
        Spec.Given().When(Register(name: new BilingualText(" ", null))).ThenFails("partner.name-required");

    [Fact]
    public void unknown_kind_is_refused() =>
        Spec.Given().When(Register(kind: (PartnerKind)99)).ThenFails("partner.kind-invalid");

    [Fact]
    public void contact_without_a_name_is_refused() =>
        Spec.Given().When(Register(contact: Liaison with { Person = Liaison.Person with { FullName = "" } })).ThenFails("partner.contact-invalid");

    [Fact]
    public void contact_with_a_malformed_email_is_refused() =>
        Spec.Given().When(Register(contact: Liaison with { Person = Liaison.Person with { Email = "liaison.example.org" } })).ThenFails("partner.contact-invalid");

    [Fact]
    public void external_reference_with_forbidden_characters_is_refused() =>
        Spec.Given().When(Register("sicc#001")).ThenFails("partner.reference-invalid");

    [Fact]
    public void blank_external_reference_is_refused() =>
        Spec.Given().When(Register("   ")).ThenFails("partner.reference-invalid");
}
