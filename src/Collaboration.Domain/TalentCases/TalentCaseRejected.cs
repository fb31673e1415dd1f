using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>The case was rejected with a reason.</summary>
[EventType("talent-case.rejected.v1")]
public sealed record TalentCaseRejected(
    TalentCaseId Case,
    BilingualText Reason,
    DateOnly RejectedOn,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
