using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Marker for the requests a talent-service case decides on. Every command says who acts and when.</summary>
public interface ITalentCaseCommand
{
    TalentCaseId Case { get; }

    Actor By { get; }

    DateTimeOffset At { get; }
}
