using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Feedback.FeedbackDecider,
    Collaboration.Domain.Feedback.FeedbackState,
    Collaboration.Domain.Feedback.IFeedbackCommand,
    Collaboration.Domain.Feedback.IFeedbackEvent>;

namespace Collaboration.Domain.Tests.Feedback;

public sealed class AnswerFeedbackSpec
{
    private static readonly Actor CommerceStaff = Actor.Partner("commerce-01", Commerce);

    private static AnswerFeedback Answer() => new(Item, AnswerText, CommerceStaff, AnsweredAt);

    [Fact]
    public void the_routed_department_answers_in_both_languages() =>
        Spec.Given(UpToRouted()).When(Answer()).Then(Answered());

    [Fact]
    public void the_office_may_record_the_answer_for_the_department() =>
        Spec.Given(UpToRouted()).When(Answer() with { By = Office }).Then(Answered() with { AnsweredBy = Office.Id });

    [Fact]
    public void feedback_that_was_never_submitted_cannot_be_answered() =>
        Spec.Given().When(Answer()).ThenFails("feedback.not-found");

    [Fact]
    public void feedback_not_yet_routed_cannot_be_answered() =>
        Spec.Given(Submitted(), Acknowledged()).When(Answer()).ThenFails("feedback.not-routed");

    [Fact]
    public void feedback_is_answered_only_once() =>
        Spec.Given(UpToAnswered()).When(Answer()).ThenFails("feedback.already-answered");

    [Fact]
    public void another_department_cannot_answer() =>
        Spec.Given(UpToRouted()).When(Answer() with { By = Actor.Partner("hr-01", HumanResources) }).ThenFails("feedback.not-the-routed-department");

    [Fact]
    public void the_observer_cannot_answer_their_own_feedback() =>
        Spec.Given(UpToRouted()).When(Answer() with { By = RobertActor }).ThenFails("feedback.not-the-routed-department");

    [Fact]
    public void an_answer_only_in_chinese_is_refused() =>
        Spec.Given(UpToRouted()).When(Answer() with { Answer = new BilingualText(AnswerText.Zh, null) }).ThenFails("feedback.answer-needs-both-languages");

    [Fact]
    public void an_answer_only_in_english_is_refused() =>
        Spec.Given(UpToRouted()).When(Answer() with { Answer = new BilingualText(" ", AnswerText.En) }).ThenFails("feedback.answer-needs-both-languages");

    [Fact]
    public void an_overlong_answer_is_refused() =>
        Spec.Given(UpToRouted()).When(Answer() with { Answer = AnswerText with { En = new string('x', 10001) } }).ThenFails("feedback.answer-too-long");
}
