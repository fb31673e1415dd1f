using Collaboration.Domain.Feedback;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Feedback.FeedbackDecider,
    Collaboration.Domain.Feedback.FeedbackState,
    Collaboration.Domain.Feedback.IFeedbackCommand,
    Collaboration.Domain.Feedback.IFeedbackEvent>;

namespace Collaboration.Domain.Tests.Feedback;

public sealed class FeedbackViewTests
{
    [Fact]
    public void stream_name_is_feedback_dash_guid() =>
        FeedbackDecider.StreamName(Item).Should().Be("feedback-0193a5e0-0000-7000-8000-0000000000f1");

    [Fact]
    public void nothing_submitted_has_no_view() =>
        FeedbackView.Of(FeedbackDecider.Initial).Should().BeNull();

    [Fact]
    public void the_full_flow_ends_published_with_rating_routing_and_reply() =>
        FeedbackView.Of(Spec.Given([.. UpToAnswered(), Rated(), Published()]).State).Should().BeEquivalentTo(new FeedbackView(
            new FeedbackItem(Item, Robert, Topic, TalentPolicy, Collaboration.Domain.Kernel.Language.En, Text, new DateOnly(2024, 9, 20)),
            FeedbackStage.Published,
            new FeedbackRouting(Commerce, CommerceName, new DateOnly(2024, 9, 30), DueOn),
            new FeedbackReply(AnswerText, new DateOnly(2024, 10, 12)),
            5));

    [Fact]
    public void withdrawn_feedback_is_not_public() =>
        FeedbackView.Of(Spec.Given([.. UpToAnswered(), Published(), KeptPrivate(wasPublished: true)]).State)!.IsPublic.Should().BeFalse();

    [Fact]
    public void rerouting_replaces_the_department_on_the_view() =>
        FeedbackView.Of(Spec.Given([.. UpToRouted(), Routed() with { Department = HumanResources }]).State)!.Routing!.Department
            .Should().Be(HumanResources);
}
