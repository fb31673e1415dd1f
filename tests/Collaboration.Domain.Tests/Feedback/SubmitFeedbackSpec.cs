using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Feedback.FeedbackDecider,
    Collaboration.Domain.Feedback.FeedbackState,
    Collaboration.Domain.Feedback.IFeedbackCommand,
    Collaboration.Domain.Feedback.IFeedbackEvent>;

namespace Collaboration.Domain.Tests.Feedback;

public sealed class SubmitFeedbackSpec
{
    [Fact]
    public void an_active_observer_submits_feedback_on_a_policy_in_english() =>
        Spec.Given().When(Submit()).Then(Submitted());

    [Fact]
    public void feedback_without_a_policy_is_accepted() =>
        Spec.Given().When(Submit() with { Policy = null }).Then(Submitted() with { Policy = null });

    [Fact]
    public void the_submission_date_is_the_shanghai_date_of_the_instant() =>
        Spec.Given()
            .When(Submit() with { At = new DateTimeOffset(2024, 9, 19, 17, 30, 0, TimeSpan.Zero) })
            .Then(Submitted() with { SubmittedOn = new DateOnly(2024, 9, 20), At = new DateTimeOffset(2024, 9, 19, 17, 30, 0, TimeSpan.Zero) });

    [Fact]
    public void the_same_feedback_cannot_be_submitted_twice() =>
        Spec.Given(Submitted()).When(Submit()).ThenFails("feedback.already-submitted");

    [Fact]
    public void only_the_observer_themself_may_submit() =>
        Spec.Given().When(Submit() with { By = Office }).ThenFails("feedback.not-the-observer");

    [Fact]
    public void another_observer_cannot_submit_in_roberts_name() =>
        Spec.Given().When(Submit() with { By = ObserverActors.For(ObserverId.New()) }).ThenFails("feedback.not-the-observer");

    [Fact]
    public void feedback_from_an_observer_whose_term_ended_is_refused() =>
        Spec.Given()
            .When(Submit() with { Submitter = RobertTerm with { EndedOn = new DateOnly(2024, 9, 15) } })
            .ThenFails("feedback.observer-not-active");

    [Fact]
    public void feedback_after_the_term_ran_out_is_refused() =>
        Spec.Given()
            .When(Submit() with { At = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8)) })
            .ThenFails("feedback.observer-not-active");

    [Fact]
    public void feedback_before_the_term_begins_is_refused() =>
        Spec.Given()
            .When(Submit() with { At = new DateTimeOffset(2024, 8, 31, 23, 0, 0, TimeSpan.FromHours(8)) })
            .ThenFails("feedback.observer-not-active");

    [Fact]
    public void an_unknown_language_is_refused() =>
        Spec.Given().When(Submit() with { WrittenIn = (Language)7 }).ThenFails("feedback.language-unknown");

    [Fact]
    public void the_topic_must_be_given_in_the_language_written_in() =>
        Spec.Given().When(Submit() with { Topic = new BilingualText("英文工作许可指南", null) }).ThenFails("feedback.topic-required");

    [Fact]
    public void an_overlong_topic_is_refused() =>
        Spec.Given().When(Submit() with { Topic = new BilingualText(null, new string('x', 201)) }).ThenFails("feedback.topic-too-long");

    [Fact]
    public void the_text_is_required() =>
        Spec.Given().When(Submit() with { Text = "  " }).ThenFails("feedback.text-required");

    [Fact]
    public void an_overlong_text_is_refused() =>
        Spec.Given().When(Submit() with { Text = new string('x', 5001) }).ThenFails("feedback.text-too-long");
}
