using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>The case was escalated to a higher level.</summary>
[EventType("talent-case.escalated.v1")]
public sealed record TalentCaseEscalated(
    TalentCaseId Case,
    BilingualText Reason,
    EscalationLevel Level,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
