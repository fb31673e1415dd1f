using Collaboration.Domain.Memoranda;
using Collaboration.Domain.Visibility;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Memoranda.MemorandumDecider,
    Collaboration.Domain.Memoranda.MemorandumState,
    Collaboration.Domain.Memoranda.IMemorandumCommand,
    Collaboration.Domain.Memoranda.IMemorandumEvent>;

namespace Collaboration.Domain.Tests.Memoranda;

public sealed class PublishMemorandumSpec
{
    private static readonly PublishMemorandum Publish = new(Memo, Published().At);

    private static MemorandumPublished Published() => new(Memo, At.AddDays(1));

    [Fact]
    public void signed_memorandum_is_published() =>
        Spec.Given(Active).When(Publish).Then(Published());

    [Fact]
    public void suspended_memorandum_can_still_be_published() =>
        Spec.Given([.. Active, Suspended()]).When(Publish).Then(Published());

    [Fact]
    public void publishing_a_draft_is_refused() =>
        Spec.Given(ReadyToSign).When(Publish).ThenFails("memorandum.not-signed");

    [Fact]
    public void publishing_a_memorandum_never_drafted_is_refused() =>
        Spec.Given().When(Publish).ThenFails("memorandum.not-found");

    [Fact]
    public void publishing_twice_is_refused() =>
        Spec.Given([.. Active, Published()]).When(Publish).ThenFails("memorandum.already-published");

    [Fact]
    public void publication_survives_suspension_and_resumption()
    {
        IMemorandumEvent[] history = [.. Active, Published(), Suspended(), new MemorandumResumed(Memo, At.AddDays(90))];
        var state = history
            .Aggregate(MemorandumDecider.Initial, MemorandumDecider.Evolve);

        MemorandumDecider.IsPublished(state).Should().BeTrue();
    }

    [Fact]
    public void the_public_sees_a_published_memorandum_and_not_an_unpublished_one()
    {
        var signed = Active.Aggregate(MemorandumDecider.Initial, MemorandumDecider.Evolve);
        var published = MemorandumDecider.Evolve(signed, Published());
        var identity = ItemFacts.Of(ItemKind.Memorandum, Memo.Value);

        VisibilityPolicy.Default.Decide(Viewer.Public, StateFacts.Of(identity, signed)).Refused.Should().BeTrue();
        VisibilityPolicy.Default.Decide(Viewer.Public, StateFacts.Of(identity, published)).Refused.Should().BeFalse();
    }
}
