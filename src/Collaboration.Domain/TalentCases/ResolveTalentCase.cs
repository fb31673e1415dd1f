using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Resolve the case with a bilingual outcome.</summary>
public sealed record ResolveTalentCase(
    TalentCaseId Case,
    BilingualText Outcome,
    Actor By,
    DateTimeOffset At) : ITalentCaseCommand;
