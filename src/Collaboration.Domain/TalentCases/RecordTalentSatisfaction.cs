using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Record the talent's satisfaction with the resolution (1–5).</summary>
public sealed record RecordTalentSatisfaction(
    TalentCaseId Case,
    int Score,
    Actor By,
    DateTimeOffset At) : ITalentCaseCommand;
