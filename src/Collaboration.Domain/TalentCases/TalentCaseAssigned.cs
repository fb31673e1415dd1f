using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>The case was (re)assigned to a department and an officer (both account/organisation identifiers, not names).</summary>
[EventType("talent-case.assigned.v1")]
public sealed record TalentCaseAssigned(
    TalentCaseId Case,
    string Department,
    string Officer,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
