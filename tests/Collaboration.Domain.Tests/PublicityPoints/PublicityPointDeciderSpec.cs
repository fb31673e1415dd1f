using Collaboration.Domain.Kernel;
using Collaboration.Domain.PublicityPoints;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.PublicityPoints.PublicityPointDecider,
    Collaboration.Domain.PublicityPoints.PublicityPointState,
    Collaboration.Domain.PublicityPoints.IPublicityPointCommand,
    Collaboration.Domain.PublicityPoints.IPublicityPointEvent>;

namespace Collaboration.Domain.Tests.PublicityPoints;

/// <summary>The Open Month's first foreign-related policy publicity point, North Bund International Passenger Service Center.</summary>
public sealed class PublicityPointDeciderSpec
{
    private static readonly PublicityPointId NorthBund = PublicityPointId.From(Guid.Parse("0193a000-0000-7000-8000-000000000030"));
    private static readonly PolicyId Talent = PolicyId.From(Guid.Parse("0193a000-0000-7000-8000-000000000023"));
    private static readonly PolicyId Investment = PolicyId.From(Guid.Parse("0193a000-0000-7000-8000-000000000024"));
    private static readonly DateTimeOffset At = new(2024, 5, 10, 15, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Recognised = new(2024, 5, 10);

    private static readonly PublicityPointDetails Details = new(
        BilingualText.Both("北外滩国际客运服务中心", "North Bund International Passenger Service Center"),
        BilingualText.Both("虹口区东大名路500号", "500 East Daming Road, Hongkou"),
        BilingualText.Both("周一至周五 9:00–17:00", "Mon–Fri 9:00–17:00"),
        [Talent]);

    private static readonly PublicityPointDetails MoreDetails = Details with { Policies = [Talent, Investment] };
    private static readonly BilingualText Moved = BilingualText.Both("服务中心搬迁", "The service centre moved");

    private static PublicityPointDesignated Designated() => new(NorthBund, Details, Recognised, At);

    [Fact]
    public void a_place_is_designated_with_the_policies_it_explains() =>
        Spec.Given().When(new DesignatePublicityPoint(NorthBund, Details, Recognised, At)).Then(Designated());

    [Fact]
    public void designating_twice_is_refused() =>
        Spec.Given(Designated()).When(new DesignatePublicityPoint(NorthBund, Details, Recognised, At)).ThenFails("publicity-point.already-designated");

    [Fact]
    public void a_point_needs_a_name_an_address_and_distinct_policies()
    {
        Spec.Given().When(new DesignatePublicityPoint(NorthBund, Details with { Name = new BilingualText() }, Recognised, At)).ThenFails("publicity-point.name-required");
        Spec.Given().When(new DesignatePublicityPoint(NorthBund, Details with { Address = new BilingualText(null, " ") }, Recognised, At)).ThenFails("publicity-point.address-required");
        Spec.Given().When(new DesignatePublicityPoint(NorthBund, Details with { Policies = [] }, Recognised, At)).ThenFails("publicity-point.policies-required");
        Spec.Given().When(new DesignatePublicityPoint(NorthBund, Details with { Policies = [Talent, Talent] }, Recognised, At)).ThenFails("publicity-point.policies-required");
    }

    [Fact]
    public void a_revision_replaces_the_details_and_one_that_changes_nothing_is_refused()
    {
        Spec.Given(Designated()).When(new RevisePublicityPoint(NorthBund, MoreDetails, At.AddDays(30))).Then(new PublicityPointRevised(NorthBund, MoreDetails, At.AddDays(30)));
        // Equal content in a different list instance is still no change.
        Spec.Given(Designated()).When(new RevisePublicityPoint(NorthBund, Details with { Policies = [Talent] }, At.AddDays(30))).ThenFails("publicity-point.unchanged");
    }

    [Fact]
    public void a_withdrawn_point_keeps_its_details_and_takes_no_more_revisions()
    {
        var withdrawn = new PublicityPointWithdrawn(NorthBund, Moved, At.AddDays(400));
        Spec.Given(Designated()).When(new WithdrawPublicityPoint(NorthBund, Moved, At.AddDays(400))).Then(withdrawn);
        Spec.Given(Designated(), withdrawn).When(new RevisePublicityPoint(NorthBund, MoreDetails, At.AddDays(401))).ThenFails("publicity-point.withdrawn");
        Spec.Given(Designated(), withdrawn).When(new WithdrawPublicityPoint(NorthBund, Moved, At.AddDays(401))).ThenFails("publicity-point.withdrawn");
        Spec.Given(Designated()).When(new WithdrawPublicityPoint(NorthBund, new BilingualText(), At.AddDays(400))).ThenFails("publicity-point.reason-required");
        Spec.Given(Designated(), withdrawn).State.Should().Be(new WithdrawnPublicityPoint(NorthBund, Details, Recognised, Moved));
    }

    [Fact]
    public void nothing_can_be_done_to_a_point_never_designated()
    {
        Spec.Given().When(new RevisePublicityPoint(NorthBund, Details, At)).ThenFails("publicity-point.not-designated");
        Spec.Given().When(new WithdrawPublicityPoint(NorthBund, Moved, At)).ThenFails("publicity-point.not-designated");
    }
}
