using Collaboration.Domain.Calendar;

namespace Collaboration.Domain.Feedback;

/// <summary>The numbers the feedback workflow runs on, named so docs, tests and the decider agree.</summary>
public static class FeedbackRules
{
    /// <summary>
    /// A routed department answers within 10 working days: the common service pledge for written
    /// enquiries in Shanghai districts, and short enough that observers see answers within their term.
    /// </summary>
    public const int AnswerWorkingDays = 10;

    public const int MaxTopicLength = 200;

    public const int MaxTextLength = 5000;

    public const int MaxAnswerLength = 10000;

    public const int MinRating = 1;

    public const int MaxRating = 5;

    /// <summary>The calendar the decider counts with; derived functions take one explicitly so boards can be tested with others.</summary>
    public static WorkingCalendar Calendar => WorkingCalendar.China;

    public static DateOnly AnswerDueOn(DateOnly routedOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(routedOn, AnswerWorkingDays);
}
