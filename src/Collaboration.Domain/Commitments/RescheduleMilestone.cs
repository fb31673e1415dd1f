using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Domain.Commitments;

/// <summary>Move an open milestone to a new due date; the reason is kept for the audit trail.</summary>
public sealed record RescheduleMilestone(
    CommitmentId Commitment,
    MilestoneId Milestone,
    DateOnly NewDueDate,
    BilingualText Reason,
    MemorandumSnapshot Memorandum,
    Actor By,
    DateTimeOffset At) : ICommitmentCommand;
