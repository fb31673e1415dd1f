using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// Report progress (0–100 %) as of a date. A partner's report waits for office review; the office's
/// own report counts at once.
/// </summary>
public sealed record SubmitProgressReport(
    CommitmentId Commitment,
    ProgressReportId Report,
    decimal Percent,
    BilingualText Narrative,
    DateOnly AsOf,
    MemorandumSnapshot Memorandum,
    Actor By,
    DateTimeOffset At) : ICommitmentCommand;
