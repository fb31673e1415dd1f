using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Feedback.FeedbackDecider,
    Collaboration.Domain.Feedback.FeedbackState,
    Collaboration.Domain.Feedback.IFeedbackCommand,
    Collaboration.Domain.Feedback.IFeedbackEvent>;

namespace Collaboration.Domain.Tests.Feedback;

public sealed class RouteFeedbackSpec
{
    private static RouteFeedback Route() => new(Item, CommerceDepartment, Office, RoutedAt);

    [Fact]
    public void routed_just_before_national_day_the_answer_is_due_ten_working_days_later_on_18_october() =>
        Spec.Given(Submitted(), Acknowledged()).When(Route()).Then(Routed());

    [Fact]
    public void routed_on_friday_27_september_the_make_up_sunday_counts_and_the_answer_is_due_16_october() =>
        Spec.Given(Submitted(), Acknowledged())
            .When(Route() with { At = new DateTimeOffset(2024, 9, 27, 15, 0, 0, TimeSpan.FromHours(8)) })
            .Then(Routed() with
            {
                RoutedOn = new DateOnly(2024, 9, 27),
                AnswerDueOn = new DateOnly(2024, 10, 16),
                At = new DateTimeOffset(2024, 9, 27, 15, 0, 0, TimeSpan.FromHours(8)),
            });

    [Fact]
    public void rerouting_to_another_department_restarts_the_clock() =>
        Spec.Given(UpToRouted())
            .When(new RouteFeedback(Item, HumanResourcesDepartment, Office, new DateTimeOffset(2024, 10, 8, 9, 0, 0, TimeSpan.FromHours(8))))
            .Then(new FeedbackRouted(
                Item, HumanResources, HumanResourcesDepartment.Name, new DateOnly(2024, 10, 8), 10, new DateOnly(2024, 10, 21),
                Office.Id, new DateTimeOffset(2024, 10, 8, 9, 0, 0, TimeSpan.FromHours(8))));

    [Fact]
    public void feedback_that_was_never_submitted_cannot_be_routed() =>
        Spec.Given().When(Route()).ThenFails("feedback.not-found");

    [Fact]
    public void only_the_office_routes() =>
        Spec.Given(Submitted(), Acknowledged()).When(Route() with { By = Actor.Partner("c1", Commerce) }).ThenFails("feedback.office-only");

    [Fact]
    public void feedback_must_be_acknowledged_before_routing() =>
        Spec.Given(Submitted()).When(Route()).ThenFails("feedback.not-acknowledged");

    [Fact]
    public void answered_feedback_cannot_be_routed() =>
        Spec.Given(UpToAnswered()).When(Route() with { To = HumanResourcesDepartment }).ThenFails("feedback.already-answered");

    [Fact]
    public void routing_again_to_the_same_department_is_refused() =>
        Spec.Given(UpToRouted()).When(Route()).ThenFails("feedback.already-routed-to-department");

    [Fact]
    public void feedback_goes_only_to_government_departments() =>
        Spec.Given(Submitted(), Acknowledged())
            .When(Route() with { To = CommerceDepartment with { IsGovernmentDepartment = false } })
            .ThenFails("feedback.not-a-government-department");

    [Fact]
    public void the_department_name_snapshot_is_required() =>
        Spec.Given(Submitted(), Acknowledged())
            .When(Route() with { To = CommerceDepartment with { Name = new BilingualText(null, null) } })
            .ThenFails("feedback.department-name-required");
}
