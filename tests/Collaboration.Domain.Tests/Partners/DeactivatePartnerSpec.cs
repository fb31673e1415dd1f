using Collaboration.Domain.Kernel;
using Collaboration.Domain.Partners;
using static Collaboration.Domain.Tests.Partners.PartnerFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Partners.PartnerDecider,
    Collaboration.Domain.Partners.PartnerState,
    Collaboration.Domain.Partners.IPartnerCommand,
    Collaboration.Domain.Partners.IPartnerEvent>;

namespace Collaboration.Domain.Tests.Partners;

public sealed class DeactivatePartnerSpec
{
    private static readonly DeactivatePartner Deactivate = new(Chamber, Deactivated().Reason, Deactivated().At);

    [Fact]
    public void active_partner_is_deactivated_with_a_reason() =>
        Spec.Given(Registered()).When(Deactivate).Then(Deactivated());

    [Fact]
    public void deactivating_an_unregistered_partner_is_refused() =>
        Spec.Given().When(Deactivate).ThenFails("partner.not-registered");

    [Fact]
    public void deactivating_twice_is_refused() =>
        Spec.Given(Registered(), Deactivated()).When(Deactivate).ThenFails("partner.inactive");

    [Fact]
    public void deactivation_without_a_reason_is_refused() =>
        Spec.Given(Registered()).When(Deactivate with { Reason = new BilingualText("", null) }).ThenFails("partner.reason-required");

    [Fact]
    public void summary_of_a_deactivated_partner_says_it_is_inactive() =>
        PartnerDecider.Summarise(Spec.Given(Registered(), Deactivated()).State)
            .Should().Be(new PartnerSummary(Chamber, PartnerKind.ChamberOfCommerce, ChamberName, IsActive: false));

    [Fact]
    public void partner_stream_is_named_after_the_partner_id() =>
        PartnerDecider.StreamName(Chamber).Should().Be("partner-0192f3a0-0000-7000-8000-000000000001");
}
