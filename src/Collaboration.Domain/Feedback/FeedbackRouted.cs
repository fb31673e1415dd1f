using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>
/// Feedback was routed to a department. The due date is recorded, not recomputed on read, so a later
/// correction of the holiday data cannot silently move a deadline that was already communicated.
/// </summary>
[EventType("feedback.routed.v1")]
public sealed record FeedbackRouted(
    FeedbackId Feedback,
    PartnerId Department,
    BilingualText DepartmentName,
    DateOnly RoutedOn,
    int AnswerWorkingDays,
    DateOnly AnswerDueOn,
    string RoutedBy,
    DateTimeOffset At) : IFeedbackEvent;
