using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// A progress report was approved. It repeats the percent and as-of date so a projection can chart
/// approved progress from this event alone.
/// </summary>
[EventType("commitment.progress-approved.v1")]
public sealed record ProgressReportApproved(
    CommitmentId Commitment,
    ProgressReportId Report,
    decimal Percent,
    DateOnly AsOf,
    DateOnly ApprovedOn,
    string ApprovedBy,
    DateTimeOffset At) : ICommitmentEvent;
