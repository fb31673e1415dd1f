namespace Collaboration.Domain.Commitments;

/// <summary>Review of a progress report: submitted → approved or returned. Only approved figures count.</summary>
public enum ProgressReportStatus
{
    Submitted = 1,
    Approved = 2,
    Returned = 3,
}
