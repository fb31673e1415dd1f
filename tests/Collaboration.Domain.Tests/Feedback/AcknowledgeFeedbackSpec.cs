using Collaboration.Domain.Feedback;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Feedback.FeedbackDecider,
    Collaboration.Domain.Feedback.FeedbackState,
    Collaboration.Domain.Feedback.IFeedbackCommand,
    Collaboration.Domain.Feedback.IFeedbackEvent>;

namespace Collaboration.Domain.Tests.Feedback;

public sealed class AcknowledgeFeedbackSpec
{
    private static AcknowledgeFeedback Acknowledge() => new(Item, Office, AcknowledgedAt);

    [Fact]
    public void office_acknowledges_submitted_feedback() =>
        Spec.Given(Submitted()).When(Acknowledge()).Then(Acknowledged());

    [Fact]
    public void feedback_that_was_never_submitted_cannot_be_acknowledged() =>
        Spec.Given().When(Acknowledge()).ThenFails("feedback.not-found");

    [Fact]
    public void only_the_office_acknowledges() =>
        Spec.Given(Submitted()).When(Acknowledge() with { By = RobertActor }).ThenFails("feedback.office-only");

    [Fact]
    public void feedback_is_acknowledged_only_once() =>
        Spec.Given(Submitted(), Acknowledged()).When(Acknowledge()).ThenFails("feedback.already-acknowledged");
}
