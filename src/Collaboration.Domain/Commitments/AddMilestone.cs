using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;

namespace Collaboration.Domain.Commitments;

/// <summary>Add a milestone worth <paramref name="Share"/> percent of the commitment.</summary>
public sealed record AddMilestone(
    CommitmentId Commitment,
    MilestoneId Milestone,
    BilingualText Title,
    DateOnly DueDate,
    decimal Share,
    MemorandumSnapshot Memorandum,
    Actor By,
    DateTimeOffset At) : ICommitmentCommand;
