using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Feedback.FeedbackDecider,
    Collaboration.Domain.Feedback.FeedbackState,
    Collaboration.Domain.Feedback.IFeedbackCommand,
    Collaboration.Domain.Feedback.IFeedbackEvent>;

namespace Collaboration.Domain.Tests.Feedback;

public sealed class RateFeedbackAnswerSpec
{
    private static RateFeedbackAnswer Rate(int stars = 5) => new(Item, stars, RobertActor, ClosedAt);

    [Fact]
    public void the_submitting_observer_rates_the_answer() =>
        Spec.Given(UpToAnswered()).When(Rate()).Then(Rated());

    [Fact]
    public void a_published_answer_can_still_be_rated() =>
        Spec.Given([.. UpToAnswered(), Published()]).When(Rate(3)).Then(Rated() with { Stars = 3 });

    [Fact]
    public void feedback_that_was_never_submitted_cannot_be_rated() =>
        Spec.Given().When(Rate()).ThenFails("feedback.not-found");

    [Fact]
    public void another_observer_cannot_rate() =>
        Spec.Given(UpToAnswered()).When(Rate() with { By = ObserverActors.For(ObserverId.New()) }).ThenFails("feedback.not-the-submitter");

    [Fact]
    public void the_office_cannot_rate() =>
        Spec.Given(UpToAnswered()).When(Rate() with { By = Office }).ThenFails("feedback.not-the-submitter");

    [Fact]
    public void an_unanswered_item_cannot_be_rated() =>
        Spec.Given(UpToRouted()).When(Rate()).ThenFails("feedback.not-answered");

    [Fact]
    public void an_answer_is_rated_only_once() =>
        Spec.Given([.. UpToAnswered(), Rated()]).When(Rate(1)).ThenFails("feedback.already-rated");

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public void a_rating_is_one_to_five_stars(int stars) =>
        Spec.Given(UpToAnswered()).When(Rate(stars)).ThenFails("feedback.rating-out-of-range");
}
