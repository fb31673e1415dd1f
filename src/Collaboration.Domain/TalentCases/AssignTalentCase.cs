using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Assign (or reassign) the case to a department and an officer.</summary>
public sealed record AssignTalentCase(
    TalentCaseId Case,
    string Department,
    string Officer,
    Actor By,
    DateTimeOffset At) : ITalentCaseCommand;
