using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>A progress report was returned to the partner; it never counts.</summary>
[EventType("commitment.progress-returned.v1")]
public sealed record ProgressReportReturned(
    CommitmentId Commitment,
    ProgressReportId Report,
    BilingualText Reason,
    string ReturnedBy,
    DateTimeOffset At) : ICommitmentEvent;
