using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Feedback.FeedbackDecider,
    Collaboration.Domain.Feedback.FeedbackState,
    Collaboration.Domain.Feedback.IFeedbackCommand,
    Collaboration.Domain.Feedback.IFeedbackEvent>;

namespace Collaboration.Domain.Tests.Feedback;

public sealed class KeepFeedbackPrivateSpec
{
    private static KeepFeedbackPrivate KeepPrivate() => new(Item, FeedbackFixtures.KeptPrivate().Reason, Office, ClosedAt);

    [Fact]
    public void office_keeps_answered_feedback_private() =>
        Spec.Given(UpToAnswered()).When(KeepPrivate()).Then(FeedbackFixtures.KeptPrivate());

    [Fact]
    public void published_feedback_can_be_withdrawn_from_the_board() =>
        Spec.Given([.. UpToAnswered(), Published()]).When(KeepPrivate()).Then(FeedbackFixtures.KeptPrivate(wasPublished: true));

    [Fact]
    public void feedback_that_was_never_submitted_cannot_be_kept_private() =>
        Spec.Given().When(KeepPrivate()).ThenFails("feedback.not-found");

    [Fact]
    public void only_the_office_decides_visibility() =>
        Spec.Given(UpToAnswered()).When(KeepPrivate() with { By = RobertActor }).ThenFails("feedback.office-only");

    [Fact]
    public void unanswered_feedback_has_no_visibility_decision_yet() =>
        Spec.Given(UpToRouted()).When(KeepPrivate()).ThenFails("feedback.not-answered");

    [Fact]
    public void private_feedback_cannot_be_kept_private_again() =>
        Spec.Given([.. UpToAnswered(), FeedbackFixtures.KeptPrivate()]).When(KeepPrivate()).ThenFails("feedback.already-private");

    [Fact]
    public void a_reason_is_required_to_keep_feedback_private() =>
        Spec.Given(UpToAnswered()).When(KeepPrivate() with { Reason = new BilingualText("", null) }).ThenFails("feedback.reason-required");
}
