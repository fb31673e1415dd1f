using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Reopen a resolved or rejected case within 30 calendar days.</summary>
public sealed record ReopenTalentCase(
    TalentCaseId Case,
    BilingualText Reason,
    Actor By,
    DateTimeOffset At) : ITalentCaseCommand;
