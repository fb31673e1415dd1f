using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>The deadline was extended, once per case, by a number of working days.</summary>
[EventType("talent-case.deadline-extended.v1")]
public sealed record TalentCaseDeadlineExtended(
    TalentCaseId Case,
    BilingualText Reason,
    int ExtraWorkingDays,
    DateOnly PreviousDueOn,
    DateOnly DueOn,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
