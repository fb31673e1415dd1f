using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>The office returns a pending progress report to the partner with a reason.</summary>
public sealed record ReturnProgressReport(
    CommitmentId Commitment,
    ProgressReportId Report,
    BilingualText Reason,
    Actor By,
    DateTimeOffset At) : ICommitmentCommand;
