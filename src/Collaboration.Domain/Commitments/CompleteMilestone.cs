using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Domain.Commitments;

/// <summary>Mark an open milestone of an accepted commitment as done.</summary>
public sealed record CompleteMilestone(
    CommitmentId Commitment,
    MilestoneId Milestone,
    MemorandumSnapshot Memorandum,
    Actor By,
    DateTimeOffset At) : ICommitmentCommand;
