using Collaboration.Domain.Visibility;

namespace Collaboration.Domain.Tests.Visibility;

public class VisibilityPolicyTests
{
    private static readonly Guid Chamber = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Park = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly Guid Robert = Guid.Parse("0193a000-0000-7000-8000-0000000000b1");
    private static readonly Guid Other = Guid.Parse("0193a000-0000-7000-8000-0000000000b2");

    private static readonly Viewer ChamberStaff = new(ViewerRole.Partner, Organisation: Chamber);
    private static readonly Viewer ParkStaff = new(ViewerRole.Partner, Organisation: Park);
    private static readonly Viewer RobertObserver = new(ViewerRole.Observer, Observer: Robert);
    private static readonly Viewer Auditor = new(ViewerRole.Auditor);

    private static Verdict Decide(Viewer viewer, ItemFacts facts) => VisibilityPolicy.Default.Decide(viewer, facts);

    [Fact]
    public void a_party_sees_its_memorandum_and_a_removed_party_does_not()
    {
        var memorandum = ItemFacts.Of(ItemKind.Memorandum) with { Parties = new HashSet<Guid> { Chamber } };
        Decide(ChamberStaff, memorandum).Refused.Should().BeFalse();
        Decide(ParkStaff, memorandum).Refused.Should().BeTrue();
    }

    [Fact]
    public void the_referring_partner_sees_a_case_without_contact_details_and_notes()
    {
        var verdict = Decide(ChamberStaff, ItemFacts.Of(ItemKind.TalentCase) with { ReferredBy = Chamber });
        verdict.Refused.Should().BeFalse();
        verdict.ShowsTalentContact.Should().BeFalse();
        verdict.ShowsCaseNotes.Should().BeFalse();
    }

    [Fact]
    public void another_partner_and_an_observer_are_refused_a_case()
    {
        var facts = ItemFacts.Of(ItemKind.TalentCase) with { ReferredBy = Chamber };
        Decide(ParkStaff, facts).Refused.Should().BeTrue();
        Decide(RobertObserver, facts).Refused.Should().BeTrue();
        Decide(Viewer.Public, facts).Refused.Should().BeTrue();
    }

    [Fact]
    public void office_and_auditors_see_everything_of_everything()
    {
        var verdict = Decide(Auditor, ItemFacts.Of(ItemKind.TalentCase));
        verdict.Refused.Should().BeFalse();
        verdict.ShowsTalentContact.Should().BeTrue();
        verdict.ShowsCaseNotes.Should().BeTrue();
        verdict.ShowsObserver(Robert).Should().BeTrue();
        verdict.ShowsPackageOf(Park).Should().BeTrue();
        verdict.ShowsReport(Park, approved: false).Should().BeTrue();
    }

    [Fact]
    public void a_party_sees_only_its_own_packages()
    {
        var verdict = Decide(ChamberStaff, ItemFacts.Of(ItemKind.Memorandum) with { Parties = new HashSet<Guid> { Chamber, Park } });
        verdict.ShowsPackageOf(Chamber).Should().BeTrue();
        verdict.ShowsPackageOf(Park).Should().BeFalse();
    }

    [Fact]
    public void another_party_sees_approved_reports_only_and_the_owner_sees_all()
    {
        var commitment = ItemFacts.Of(ItemKind.Commitment) with { Owner = Park, Parties = new HashSet<Guid> { Chamber, Park } };
        var party = Decide(ChamberStaff, commitment);
        party.Refused.Should().BeFalse();
        party.ShowsReport(Park, approved: true).Should().BeTrue();
        party.ShowsReport(Park, approved: false).Should().BeFalse();
        Decide(ParkStaff, commitment).ShowsReport(Park, approved: false).Should().BeTrue();
    }

    [Fact]
    public void a_published_item_is_public_but_its_author_is_known_only_to_themselves()
    {
        var feedback = ItemFacts.Of(ItemKind.Feedback) with { Observer = Robert, RoutedTo = Park, Published = true };
        Decide(Viewer.Public, feedback).Refused.Should().BeFalse();
        Decide(Viewer.Public, feedback).ShowsObserver(Robert).Should().BeFalse();
        Decide(ParkStaff, feedback).ShowsObserver(Robert).Should().BeFalse();
        Decide(new Viewer(ViewerRole.Observer, Observer: Other), feedback).ShowsObserver(Robert).Should().BeFalse();
        Decide(RobertObserver, feedback).ShowsObserver(Robert).Should().BeTrue();
    }

    [Fact]
    public void unpublished_feedback_is_seen_by_its_author_and_the_department_it_is_routed_to()
    {
        var feedback = ItemFacts.Of(ItemKind.Feedback) with { Observer = Robert, RoutedTo = Park };
        Decide(RobertObserver, feedback).Refused.Should().BeFalse();
        Decide(ParkStaff, feedback).Refused.Should().BeFalse();
        Decide(ChamberStaff, feedback).Refused.Should().BeTrue();
        Decide(Viewer.Public, feedback).Refused.Should().BeTrue();
    }

    [Theory]
    [InlineData(ItemKind.PersonErasure)]
    [InlineData(ItemKind.PartnerReference)]
    [InlineData(ItemKind.DistrictOverview)]
    [InlineData(ItemKind.Unknown)]
    public void office_internal_kinds_are_refused_to_everyone_else(ItemKind kind)
    {
        Decide(ChamberStaff, ItemFacts.Of(kind)).Refused.Should().BeTrue();
        Decide(RobertObserver, ItemFacts.Of(kind)).Refused.Should().BeTrue();
        Decide(Viewer.Public, ItemFacts.Of(kind)).Refused.Should().BeTrue();
    }

    [Fact]
    public void a_stream_name_gives_the_kind_and_id()
    {
        ItemFacts.OfStream($"partner-reference-{Chamber}").Kind.Should().Be(ItemKind.PartnerReference);
        ItemFacts.OfStream($"partner-{Chamber}").Should().BeEquivalentTo(new { Kind = ItemKind.Partner, Id = (Guid?)Chamber, Owner = (Guid?)Chamber });
        ItemFacts.OfStream($"talent-case-{Chamber}").Kind.Should().Be(ItemKind.TalentCase);
        ItemFacts.OfStream("something-else").Kind.Should().Be(ItemKind.Unknown);
    }

    [Fact]
    public void removing_a_rule_opens_what_it_withholds()
    {
        var rules = VisibilityRules.Default.Without(VisibilityRules.TalentContact);
        var verdict = new VisibilityPolicy(rules).Decide(ChamberStaff, ItemFacts.Of(ItemKind.TalentCase) with { ReferredBy = Chamber });
        verdict.ShowsTalentContact.Should().BeTrue();
        verdict.ShowsCaseNotes.Should().BeFalse();
    }

    [Fact]
    public void an_unknown_rule_cannot_be_removed() =>
        FluentActions.Invoking(() => VisibilityRules.Default.Without("no-such-rule")).Should().Throw<ArgumentException>();
}
