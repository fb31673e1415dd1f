using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>The case was resolved with a bilingual outcome; <see cref="WithinDeadline"/> is the service-standard fact decided then.</summary>
[EventType("talent-case.resolved.v1")]
public sealed record TalentCaseResolved(
    TalentCaseId Case,
    BilingualText Outcome,
    DateOnly ResolvedOn,
    bool WithinDeadline,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
