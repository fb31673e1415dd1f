using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Extend the deadline once, by 1–15 working days, with a reason.</summary>
public sealed record ExtendTalentCaseDeadline(
    TalentCaseId Case,
    BilingualText Reason,
    int ExtraWorkingDays,
    Actor By,
    DateTimeOffset At) : ITalentCaseCommand;
