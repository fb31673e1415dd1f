namespace Collaboration.Domain.Notifications;

/// <summary>What a notification is about; preferences are set per channel and kind.</summary>
public enum NotificationKind
{
    StatusChanged = 1,
    ReportSubmitted = 2,
    ReportApproved = 3,
    ReportReturned = 4,
    CaseAssigned = 5,
    InformationRequested = 6,
    Escalated = 7,
    FeedbackAnswered = 8,
    FeedbackPublished = 9,
    PackageDelivered = 10,
    CommitmentAtRisk = 11,
    CommitmentOverdue = 12,
    CaseReminder = 13,
    CaseDeadlinePassed = 14,
    AnswerDeadlinePassed = 15,
}
