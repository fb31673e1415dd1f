using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Reject the case with a reason.</summary>
public sealed record RejectTalentCase(
    TalentCaseId Case,
    BilingualText Reason,
    Actor By,
    DateTimeOffset At) : ITalentCaseCommand;
