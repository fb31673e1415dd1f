using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using static Collaboration.Domain.Tests.Partners.PartnerFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Partners.PartnerDecider,
    Collaboration.Domain.Partners.PartnerState,
    Collaboration.Domain.Partners.IPartnerCommand,
    Collaboration.Domain.Partners.IPartnerEvent>;

namespace Collaboration.Domain.Tests.Partners;

public sealed class UpdatePartnerDetailsSpec
{
    private static readonly PartnerContact Secretariat = new(new PersonalDetails(PersonId.Parse("0190a1b2-0000-7000-8000-0000000000c2"), "秘书处", "secretariat@example.org", null), "Secretariat");

    private static UpdatePartnerDetails Update(BilingualText? name = null, PartnerContact? contact = null) =>
        new(Chamber, PartnerKind.ChamberOfCommerce, name ?? ChamberName, [contact ?? Secretariat], At.AddDays(1));

    [Fact]
    public void active_partner_gets_new_contacts() =>
        Spec.Given(Registered()).When(Update())
            .Then(new PartnerDetailsUpdated(Chamber, PartnerKind.ChamberOfCommerce, ChamberName, [Secretariat], At.AddDays(1)));

    [Fact]
    public void updating_an_unregistered_partner_is_refused() =>
        Spec.Given().When(Update()).ThenFails("partner.not-registered");

    [Fact]
    public void deactivated_partner_refuses_updates() =>
        Spec.Given(Registered(), Deactivated()).When(Update()).ThenFails("partner.inactive");

    [Fact]
    public void removing_the_name_is_refused() =>
        Spec.Given(Registered()).When(Update(name: new BilingualText(null, ""))).ThenFails("partner.name-required");

    [Fact]
    public void contact_with_a_malformed_email_is_refused() =>
        Spec.Given(Registered()).When(Update(contact: Secretariat with { Person = Secretariat.Person with { Email = "none" } })).ThenFails("partner.contact-invalid");

    [Fact]
    public void unknown_kind_is_refused() =>
        Spec.Given(Registered())
            .When(Update() with { Kind = (PartnerKind)0 })
            .ThenFails("partner.kind-invalid");
}
