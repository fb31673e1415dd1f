namespace Collaboration.Domain.Memoranda;

/// <summary>Where a memorandum stands; shared with Commitments through <see cref="MemorandumSnapshot"/>.</summary>
public enum MemorandumStatus
{
    Draft = 1,
    Active = 2,
    Suspended = 3,
    Completed = 4,
    Terminated = 5,
}
