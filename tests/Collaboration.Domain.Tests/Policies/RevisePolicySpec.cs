using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;
using static Collaboration.Domain.Tests.Policies.PolicyFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Policies.PolicyDecider,
    Collaboration.Domain.Policies.PolicyState,
    Collaboration.Domain.Policies.IPolicyCommand,
    Collaboration.Domain.Policies.IPolicyEvent>;

namespace Collaboration.Domain.Tests.Policies;

public sealed class RevisePolicySpec
{
    private static RevisePolicy Revise(int revision = 2) => new(Subsidy, Revised(revision).Content, RaisedAmount, At.AddDays(revision));

    [Fact]
    public void first_revision_is_number_two() =>
        Spec.Given(Published()).When(Revise(2)).Then(Revised(2));

    [Fact]
    public void each_revision_increments_the_number() =>
        Spec.Given(Published(), Revised(2)).When(Revise(3)).Then(Revised(3));

    [Fact]
    public void revising_an_unpublished_policy_is_refused() =>
        Spec.Given().When(Revise()).ThenFails("policy.not-published");

    [Fact]
    public void retired_policy_refuses_revision() =>
        Spec.Given(Published(), Retired()).When(Revise()).ThenFails("policy.retired");

    [Fact]
    public void revision_without_saying_what_changed_is_refused() =>
        Spec.Given(Published()).When(Revise() with { Changes = new BilingualText(null, null) }).ThenFails("policy.changes-required");

    [Fact]
    public void revision_that_changes_nothing_is_refused() =>
        Spec.Given(Published()).When(new RevisePolicy(Subsidy, SubsidyContent, RaisedAmount, At)).ThenFails("policy.unchanged");

    [Fact]
    public void revision_with_invalid_content_is_refused() =>
        Spec.Given(Published())
            .When(Revise() with { Content = SubsidyContent with { Title = new BilingualText(" ", null) } })
            .ThenFails("policy.title-required");
}
