using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>A progress report was submitted; it does not count until approved.</summary>
[EventType("commitment.progress-reported.v1")]
public sealed record CommitmentProgressReported(
    CommitmentId Commitment,
    ProgressReportId Report,
    decimal Percent,
    BilingualText Narrative,
    DateOnly AsOf,
    string SubmittedBy,
    ActorRole SubmitterRole,
    DateTimeOffset At) : ICommitmentEvent;
