using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;
using static Collaboration.Domain.Tests.Policies.PolicyFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Policies.PolicyDecider,
    Collaboration.Domain.Policies.PolicyState,
    Collaboration.Domain.Policies.IPolicyCommand,
    Collaboration.Domain.Policies.IPolicyEvent>;

namespace Collaboration.Domain.Tests.Policies;

public sealed class RetirePolicySpec
{
    private static readonly RetirePolicy Retire = new(Subsidy, Retired().Reason, Retired().At);

    [Fact]
    public void published_policy_is_retired_with_a_reason() =>
        Spec.Given(Published()).When(Retire).Then(Retired());

    [Fact]
    public void retiring_an_unpublished_policy_is_refused() =>
        Spec.Given().When(Retire).ThenFails("policy.not-published");

    [Fact]
    public void retiring_twice_is_refused() =>
        Spec.Given(Published(), Retired()).When(Retire).ThenFails("policy.retired");

    [Fact]
    public void retirement_without_a_reason_is_refused() =>
        Spec.Given(Published()).When(Retire with { Reason = new BilingualText(null, "") }).ThenFails("policy.reason-required");

    [Fact]
    public void snapshot_of_a_retired_policy_says_so_and_keeps_its_revision() =>
        PolicyDecider.Snapshot(Spec.Given(Published(), Revised(2), Retired()).State)
            .Should().Be(new PolicySnapshot(Subsidy, 2, IsRetired: true));
}
