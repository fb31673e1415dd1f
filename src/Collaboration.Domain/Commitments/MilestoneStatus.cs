namespace Collaboration.Domain.Commitments;

/// <summary>A milestone is open until completed; there is no way back, so a done share stays a floor.</summary>
public enum MilestoneStatus
{
    Open = 1,
    Done = 2,
}
