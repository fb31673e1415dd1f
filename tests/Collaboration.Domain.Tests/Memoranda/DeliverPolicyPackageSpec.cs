using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Policies;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Memoranda.MemorandumDecider,
    Collaboration.Domain.Memoranda.MemorandumState,
    Collaboration.Domain.Memoranda.IMemorandumCommand,
    Collaboration.Domain.Memoranda.IMemorandumEvent>;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class DeliverPolicyPackageSpec
{
    private static readonly PolicySnapshot SubsidyPolicy = new(Subsidy, 1, IsRetired: false);
    private static readonly PolicySnapshot TrainingPolicy = new(Training, 3, IsRetired: false);

    private static DeliverPolicyPackage Deliver(params PolicySnapshot[] policies) =>
        new(Memo, Package, Chamber, policies.Length == 0 ? [SubsidyPolicy, TrainingPolicy] : policies, SigningDay, At.AddHours(1));

    [Fact]
    public void enterprise_policy_service_package_is_delivered_to_the_chamber() =>
        Spec.Given(Active).When(Deliver()).Then(Delivered());

    [Fact]
    public void a_policy_listed_twice_is_delivered_once() =>
        Spec.Given(Active).When(Deliver(SubsidyPolicy, SubsidyPolicy)).Then(Delivered() with { Policies = [Subsidy] });

    [Fact]
    public void delivering_under_a_memorandum_never_drafted_is_refused() =>
        Spec.Given().When(Deliver()).ThenFails("memorandum.not-found");

    [Fact]
    public void delivering_under_a_draft_is_refused() =>
        Spec.Given(ReadyToSign).When(Deliver()).ThenFails("memorandum.not-active");

    [Fact]
    public void delivering_under_a_suspended_memorandum_is_refused() =>
        Spec.Given([.. Active, Suspended()]).When(Deliver()).ThenFails("memorandum.not-active");

    [Fact]
    public void delivering_to_a_partner_that_is_not_a_party_is_refused() =>
        Spec.Given(Active).When(Deliver() with { Party = Park }).ThenFails("memorandum.party-unknown");

    [Fact]
    public void delivering_to_the_district_office_itself_is_refused() =>
        Spec.Given(Active).When(Deliver() with { Party = Office }).ThenFails("memorandum.package-recipient-not-partner");

    [Fact]
    public void delivering_the_same_package_twice_is_refused() =>
        Spec.Given(WithPackage).When(Deliver()).ThenFails("memorandum.package-duplicate");

    [Fact]
    public void empty_package_is_refused() =>
        Spec.Given(Active).When(Deliver() with { Policies = [] }).ThenFails("memorandum.package-policy-required");

    [Fact]
    public void package_with_a_retired_policy_is_refused() =>
        Spec.Given(Active).When(Deliver(SubsidyPolicy, TrainingPolicy with { IsRetired = true })).ThenFails("memorandum.package-policy-retired");

    [Fact]
    public void delivery_dated_before_the_signing_is_refused() =>
        Spec.Given(Active).When(Deliver() with { DeliveredOn = SigningDay.AddDays(-1) }).ThenFails("memorandum.delivery-before-signing");
}
