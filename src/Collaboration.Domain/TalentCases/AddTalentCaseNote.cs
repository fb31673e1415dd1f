using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Add a note; the office or the referring partner may write one.</summary>
public sealed record AddTalentCaseNote(
    TalentCaseId Case,
    string Text,
    Actor By,
    DateTimeOffset At) : ITalentCaseCommand;
