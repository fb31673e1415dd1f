using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>A resolved or rejected case was reopened within the window; it runs on a fresh service-standard clock from <see cref="ReopenedOn"/>.</summary>
[EventType("talent-case.reopened.v1")]
public sealed record TalentCaseReopened(
    TalentCaseId Case,
    BilingualText Reason,
    DateOnly ReopenedOn,
    DateOnly DueOn,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
