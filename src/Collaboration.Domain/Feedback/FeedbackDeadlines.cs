using Collaboration.Domain.Calendar;

namespace Collaboration.Domain.Feedback;

/// <summary>
/// Deadline facts for the feedback board. They depend on "today", so they are pure functions of the
/// view, the day and the calendar rather than stored fields. The due date is inclusive: an answer on
/// the due date is on time.
/// </summary>
public static class FeedbackDeadlines
{
    /// <summary>True while a routed item is unanswered after its due date.</summary>
    public static bool IsAnswerOverdue(FeedbackView view, DateOnly today) =>
        view.Routing is { } routing && view.Reply is null && today > routing.AnswerDueOn;

    /// <summary>
    /// Working days from today until the due date while unanswered (0 on the due date, negative once
    /// overdue); null when the item is not with a department or already answered.
    /// </summary>
    public static int? WorkingDaysLeft(FeedbackView view, DateOnly today, WorkingCalendar calendar) =>
        view.Routing is { } routing && view.Reply is null
            ? calendar.WorkingDaysBetween(today, routing.AnswerDueOn)
            : null;

    /// <summary>Working days the department took, counted from the (last) routing date; null until answered.</summary>
    public static int? AnswerTimeInWorkingDays(FeedbackView view, WorkingCalendar calendar) =>
        AnswerTimeInWorkingDays(view?.Routing, view?.Reply, calendar);

    /// <summary>As above, from the two parts it depends on (a caller may not be shown the rest of the item).</summary>
    public static int? AnswerTimeInWorkingDays(FeedbackRouting? routing, FeedbackReply? reply, WorkingCalendar calendar) =>
        routing is not null && reply is not null
            ? calendar.WorkingDaysBetween(routing.RoutedOn, reply.AnsweredOn)
            : null;

    /// <summary>Whether the answer came on or before the due date; null until answered.</summary>
    public static bool? WasAnsweredOnTime(FeedbackView view) =>
        view is { Routing: { } routing, Reply: { } reply }
            ? reply.AnsweredOn <= routing.AnswerDueOn
            : null;
}
