using Collaboration.Domain.Calendar;
using Collaboration.Domain.Feedback;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;
using Spec = Collaboration.Testing.Specs.DeciderSpec<
    Collaboration.Domain.Feedback.FeedbackDecider,
    Collaboration.Domain.Feedback.FeedbackState,
    Collaboration.Domain.Feedback.IFeedbackCommand,
    Collaboration.Domain.Feedback.IFeedbackEvent>;

namespace Collaboration.Domain.Tests.Feedback;

/// <summary>The board's deadline figures for an item routed on 30 September 2024, across the National Day week.</summary>
public sealed class FeedbackDeadlinesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.China;

    private static FeedbackView RoutedView => FeedbackView.Of(Spec.Given(UpToRouted()).State)!;

    private static FeedbackView AnsweredView => FeedbackView.Of(Spec.Given(UpToAnswered()).State)!;

    [Fact]
    public void the_national_day_week_does_not_count_so_ten_working_days_remain_on_1_october() =>
        FeedbackDeadlines.WorkingDaysLeft(RoutedView, new DateOnly(2024, 10, 1), Calendar).Should().Be(10);

    [Fact]
    public void the_make_up_saturday_12_october_counts_as_a_working_day_left() =>
        FeedbackDeadlines.WorkingDaysLeft(RoutedView, new DateOnly(2024, 10, 11), Calendar).Should().Be(6);

    [Fact]
    public void no_working_days_are_left_on_the_due_date() =>
        FeedbackDeadlines.WorkingDaysLeft(RoutedView, DueOn, Calendar).Should().Be(0);

    [Fact]
    public void working_days_left_turn_negative_once_overdue() =>
        FeedbackDeadlines.WorkingDaysLeft(RoutedView, new DateOnly(2024, 10, 22), Calendar).Should().Be(-2);

    [Fact]
    public void an_answer_is_not_overdue_on_the_due_date() =>
        FeedbackDeadlines.IsAnswerOverdue(RoutedView, DueOn).Should().BeFalse();

    [Fact]
    public void an_unanswered_item_is_overdue_the_day_after_the_due_date() =>
        FeedbackDeadlines.IsAnswerOverdue(RoutedView, DueOn.AddDays(1)).Should().BeTrue();

    [Fact]
    public void an_answered_item_is_never_overdue() =>
        FeedbackDeadlines.IsAnswerOverdue(AnsweredView, new DateOnly(2025, 1, 1)).Should().BeFalse();

    [Fact]
    public void an_item_not_yet_routed_has_no_working_days_left() =>
        FeedbackDeadlines.WorkingDaysLeft(FeedbackView.Of(Spec.Given(Submitted()).State)!, new DateOnly(2024, 9, 23), Calendar).Should().BeNull();

    [Fact]
    public void answered_on_the_make_up_saturday_took_five_working_days() =>
        FeedbackDeadlines.AnswerTimeInWorkingDays(AnsweredView, Calendar).Should().Be(5);

    [Fact]
    public void an_answer_before_the_due_date_is_on_time() =>
        FeedbackDeadlines.WasAnsweredOnTime(AnsweredView).Should().BeTrue();

    [Fact]
    public void an_answer_after_the_due_date_is_late() =>
        FeedbackDeadlines.WasAnsweredOnTime(AnsweredView with { Reply = AnsweredView.Reply! with { AnsweredOn = new DateOnly(2024, 10, 21) } })
            .Should().BeFalse();

    [Fact]
    public void an_unanswered_item_has_no_answer_time() =>
        FeedbackDeadlines.AnswerTimeInWorkingDays(RoutedView, Calendar).Should().BeNull();
}
