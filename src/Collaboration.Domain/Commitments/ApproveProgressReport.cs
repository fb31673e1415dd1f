using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Domain.Commitments;

/// <summary>The office approves a pending progress report; only approved figures count.</summary>
public sealed record ApproveProgressReport(
    CommitmentId Commitment,
    ProgressReportId Report,
    MemorandumSnapshot Memorandum,
    Actor By,
    DateTimeOffset At) : ICommitmentCommand;
