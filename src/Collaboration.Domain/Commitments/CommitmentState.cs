using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// The closed set of states of a commitment stream. There is no status flag: the stage is the
/// record type, and the user-facing status (on track, at risk, overdue...) is derived by
/// <see cref="CommitmentStatusCalculator"/> from the state and the date, so it cannot drift.
/// </summary>
public abstract record CommitmentState;

/// <summary>The stream is empty: only <see cref="ProposeCommitment"/> is allowed.</summary>
public sealed record NoCommitment : CommitmentState
{
    public static NoCommitment Instance { get; } = new();
}

/// <summary>A commitment that exists; <see cref="File"/> holds everything recorded about it.</summary>
public abstract record ExistingCommitment(CommitmentFile File) : CommitmentState;

/// <summary>Proposed and waiting for the office; milestones may already be planned.</summary>
public sealed record ProposedCommitment(CommitmentFile File) : ExistingCommitment(File);

/// <summary>Accepted: milestones can be completed and progress reported.</summary>
public sealed record AcceptedCommitment(CommitmentFile File, DateOnly AcceptedOn) : ExistingCommitment(File);

/// <summary>Completed: every milestone done; terminal.</summary>
public sealed record CompletedCommitment(CommitmentFile File, DateOnly AcceptedOn, DateOnly CompletedOn) : ExistingCommitment(File);

/// <summary>Cancelled from proposed or accepted; terminal.</summary>
public sealed record CancelledCommitment(CommitmentFile File, BilingualText Reason, DateOnly CancelledOn) : ExistingCommitment(File);
