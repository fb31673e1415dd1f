using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>The talent's satisfaction (1–5) with the resolution.</summary>
[EventType("talent-case.satisfaction-recorded.v1")]
public sealed record TalentCaseSatisfactionRecorded(
    TalentCaseId Case,
    int Score,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
