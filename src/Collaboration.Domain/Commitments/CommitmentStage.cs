namespace Collaboration.Domain.Commitments;

/// <summary>The recorded stage (the state record type), as a value for views; not the derived status.</summary>
public enum CommitmentStage
{
    Proposed = 1,
    Accepted = 2,
    Completed = 3,
    Cancelled = 4,
}
