using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Escalate the case to a higher level.</summary>
public sealed record EscalateTalentCase(
    TalentCaseId Case,
    BilingualText Reason,
    EscalationLevel Level,
    Actor By,
    DateTimeOffset At) : ITalentCaseCommand;
