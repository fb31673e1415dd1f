using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;
using static Collaboration.Domain.Tests.Policies.PolicyFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Policies.PolicyDecider,
    Collaboration.Domain.Policies.PolicyState,
    Collaboration.Domain.Policies.IPolicyCommand,
    Collaboration.Domain.Policies.IPolicyEvent>;

namespace Collaboration.Domain.Tests.Policies;

public sealed class PublishPolicySpec
{
    private static PublishPolicy Publish(PolicyContent content) => new(Subsidy, content, At);

    [Fact]
    public void entrepreneurship_subsidy_is_published_as_revision_one()
    {
        Spec.Given().When(Publish(SubsidyContent)).Then(Published());
    }

    [Fact]
    public void published_policy_starts_at_revision_one() =>
        PolicyDecider.Snapshot(Spec.Given(Published()).State).Should().Be(new PolicySnapshot(Subsidy, 1, IsRetired: false));

    [Fact]
    public void policy_without_a_link_is_published() =>
        Spec.Given().When(Publish(TechnologyRecognition)).Then(new PolicyPublished(Subsidy, TechnologyRecognition, At));

    [Fact]
    public void publishing_twice_is_refused() =>
        Spec.Given(Published()).When(Publish(SubsidyContent)).ThenFails("policy.already-published");

    [Fact]
    public void policy_without_a_title_is_refused() =>
        Spec.Given().When(Publish(SubsidyContent with { Title = new BilingualText(null, null) })).ThenFails("policy.title-required");

    [Fact]
    public void policy_without_a_summary_is_refused() =>
        Spec.Given().When(Publish(SubsidyContent with { Summary = new BilingualText("", " ") })).ThenFails("policy.summary-required");

    [Fact]
    public void policy_without_an_issuing_department_is_refused() =>
        Spec.Given().When(Publish(SubsidyContent with { IssuingDepartment = new BilingualText(null, "") }))
            .ThenFails("policy.department-required");

    [Fact]
    public void unknown_category_is_refused() =>
        Spec.Given().When(Publish(SubsidyContent with { Category = (PolicyCategory)42 })).ThenFails("policy.category-invalid");

    [Fact]
    public void relative_link_is_refused() =>
        Spec.Given().When(Publish(SubsidyContent with { Link = new Uri("/policies/1", UriKind.Relative) })).ThenFails("policy.link-invalid");

    [Fact]
    public void non_web_link_is_refused() =>
        Spec.Given().When(Publish(SubsidyContent with { Link = new Uri("file:///c:/policy.pdf") })).ThenFails("policy.link-invalid");
}
