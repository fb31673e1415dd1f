namespace Collaboration.Domain.Memoranda;

/// <summary>The life-cycle stage of a Government-Society Cooperation Memorandum (政社合作备忘录).</summary>
public enum MemorandumStatus
{
    Draft = 1,
    Active,
    Suspended,
    Completed,
    Terminated,
}
