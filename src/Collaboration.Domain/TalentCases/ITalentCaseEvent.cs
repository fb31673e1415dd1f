using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Marker for the facts of a talent-service case stream.</summary>
public interface ITalentCaseEvent
{
    TalentCaseId Case { get; }

    DateTimeOffset At { get; }
}
