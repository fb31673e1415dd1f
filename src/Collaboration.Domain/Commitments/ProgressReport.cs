using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// A progress report (进展报告) and where it is in review. <see cref="ReviewedOn"/> and
/// <see cref="ReturnReason"/> are empty while it is submitted; the reason is set only when returned.
/// </summary>
public sealed record ProgressReport(
    ProgressReportId Id,
    decimal Percent,
    BilingualText Narrative,
    DateOnly AsOf,
    string SubmittedBy,
    DateOnly SubmittedOn,
    ProgressReportStatus Status,
    DateOnly? ReviewedOn,
    BilingualText? ReturnReason);
