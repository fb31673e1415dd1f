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

public sealed class AcknowledgePolicyPackageSpec
{
    private static readonly AcknowledgePolicyPackage Acknowledge = new(Memo, Package, ChamberUser, At.AddDays(2));
    private static readonly PolicyPackageAcknowledged Acknowledged = new(Memo, Package, Chamber, ChamberUser.Id, At.AddDays(2));

    [Fact]
    public void receiving_chamber_acknowledges_the_package() =>
        Spec.Given(WithPackage).When(Acknowledge).Then(Acknowledged);

    [Fact]
    public void acknowledging_under_a_memorandum_never_drafted_is_refused() =>
        Spec.Given().When(Acknowledge).ThenFails("memorandum.not-found");

    [Fact]
    public void acknowledging_under_a_suspended_memorandum_is_refused() =>
        Spec.Given([.. WithPackage, Suspended()]).When(Acknowledge).ThenFails("memorandum.not-active");

    [Fact]
    public void acknowledging_a_package_that_was_never_delivered_is_refused() =>
        Spec.Given(Active).When(Acknowledge).ThenFails("memorandum.package-unknown");

    [Fact]
    public void district_office_cannot_acknowledge_on_the_partners_behalf() =>
        Spec.Given(WithPackage).When(Acknowledge with { By = Actor.Office("office-clerk") }).ThenFails("memorandum.package-not-for-actor");

    [Fact]
    public void another_partners_user_cannot_acknowledge() =>
        Spec.Given(WithPackage).When(Acknowledge with { By = Actor.Partner("park-user", Park) }).ThenFails("memorandum.package-not-for-actor");

    [Fact]
    public void acknowledging_twice_is_refused() =>
        Spec.Given([.. WithPackage, Acknowledged]).When(Acknowledge).ThenFails("memorandum.package-already-acknowledged");
}
