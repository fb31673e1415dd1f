using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Commitments;

/// <summary>
/// A milestone (里程碑): <see cref="Share"/> is its percent of the commitment; <see cref="Reschedules"/>
/// counts slips so a read model can flag a milestone that keeps moving.
/// </summary>
public sealed record Milestone(
    MilestoneId Id,
    BilingualText Title,
    DateOnly DueDate,
    decimal Share,
    MilestoneStatus Status,
    DateOnly? CompletedOn,
    int Reschedules)
{
    public bool IsDone => Status == MilestoneStatus.Done;
}
