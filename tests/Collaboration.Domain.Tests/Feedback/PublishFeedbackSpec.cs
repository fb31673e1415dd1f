using Collaboration.Domain.Feedback;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Feedback.FeedbackDecider,
    Collaboration.Domain.Feedback.FeedbackState,
    Collaboration.Domain.Feedback.IFeedbackCommand,
    Collaboration.Domain.Feedback.IFeedbackEvent>;

namespace Collaboration.Domain.Tests.Feedback;

public sealed class PublishFeedbackSpec
{
    private static PublishFeedback Publish() => new(Item, Office, ClosedAt);

    [Fact]
    public void office_publishes_answered_feedback() =>
        Spec.Given(UpToAnswered()).When(Publish()).Then(Published());

    [Fact]
    public void feedback_kept_private_can_later_be_published() =>
        Spec.Given([.. UpToAnswered(), KeptPrivate()]).When(Publish()).Then(Published());

    [Fact]
    public void feedback_that_was_never_submitted_cannot_be_published() =>
        Spec.Given().When(Publish()).ThenFails("feedback.not-found");

    [Fact]
    public void only_the_office_publishes() =>
        Spec.Given(UpToAnswered()).When(Publish() with { By = RobertActor }).ThenFails("feedback.office-only");

    [Fact]
    public void unanswered_feedback_cannot_be_published() =>
        Spec.Given(UpToRouted()).When(Publish()).ThenFails("feedback.not-answered");

    [Fact]
    public void published_feedback_cannot_be_published_again() =>
        Spec.Given([.. UpToAnswered(), Published()]).When(Publish()).ThenFails("feedback.already-published");
}
