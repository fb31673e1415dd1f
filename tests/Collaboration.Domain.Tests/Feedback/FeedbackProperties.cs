using Collaboration.Domain.Calendar;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Observers;
using FsCheck.Xunit;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;

namespace Collaboration.Domain.Tests.Feedback;

public sealed class FeedbackProperties
{
    private static readonly DateOnly Origin = new(2024, 1, 1);

    /// <summary>
    /// The term rule restated independently of <see cref="ObserverSnapshot.IsActiveOn"/>: inside
    /// [start, end] and before any early end.
    /// </summary>
    [Property(MaxTest = 500)]
    public bool feedback_is_accepted_exactly_when_the_submission_day_is_inside_the_observers_term(
        byte startOffset, byte termLength, byte submitOffset, byte? endedOffset)
    {
        var start = Origin.AddDays(startOffset);
        var end = start.AddDays(termLength + 1);
        DateOnly? ended = endedOffset is { } e ? start.AddDays(e % (termLength + 2)) : null;
        var day = Origin.AddDays(submitOffset);
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.FromHours(8));

        var decision = FeedbackDecider.Decide(
            Submit() with { Submitter = new ObserverSnapshot(Robert, start, end, ended), At = at },
            FeedbackDecider.Initial);

        var inside = day >= start && day <= end && !(ended is { } x && day >= x);
        return decision.IsAccepted == inside
            && (inside || decision.Error!.Code == "feedback.observer-not-active");
    }

    [Property(MaxTest = 500)]
    public bool the_answer_due_date_is_always_a_working_day_exactly_ten_working_days_after_routing(ushort dayOffset, byte hour)
    {
        var routedDay = Origin.AddDays(dayOffset % (3 * 366));
        var at = new DateTimeOffset(routedDay.ToDateTime(new TimeOnly(hour % 24, 0)), TimeSpan.FromHours(8));

        var decision = FeedbackDecider.Decide(
            new RouteFeedback(Item, CommerceDepartment, Office, at),
            FeedbackDecider.Evolve(FeedbackDecider.Evolve(FeedbackDecider.Initial, Submitted()), Acknowledged()));

        var routed = (FeedbackRouted)decision.Events.Single();
        var calendar = WorkingCalendar.China;
        return routed.RoutedOn == routedDay
            && routed.AnswerDueOn > routed.RoutedOn
            && calendar.IsWorkingDay(routed.AnswerDueOn)
            && calendar.WorkingDaysBetween(routed.RoutedOn, routed.AnswerDueOn) == FeedbackRules.AnswerWorkingDays;
    }
}
