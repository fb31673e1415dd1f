using Collaboration.Domain.Calendar;
using Collaboration.Domain.Feedback;

namespace Collaboration.Projections.FeedbackBoard;

/// <summary>A feedback item on <c>today</c>, with the domain's deadline functions applied.</summary>
public sealed record FeedbackLine(FeedbackView Feedback, bool AnswerOverdue, int? WorkingDaysLeft, int? AnswerTimeInWorkingDays, bool? AnsweredOnTime)
{
    /// <summary>The board's three columns: open (not answered yet), answered (not public), published.</summary>
    public string Column => Feedback.Stage switch
    {
        FeedbackStage.Published => "published",
        FeedbackStage.Answered or FeedbackStage.KeptPrivate => "answered",
        _ => "open",
    };

    public static FeedbackLine On(FeedbackView view, DateOnly today, WorkingCalendar calendar) => new(
        view,
        FeedbackDeadlines.IsAnswerOverdue(view, today),
        FeedbackDeadlines.WorkingDaysLeft(view, today, calendar),
        FeedbackDeadlines.AnswerTimeInWorkingDays(view, calendar),
        FeedbackDeadlines.WasAnsweredOnTime(view));
}
