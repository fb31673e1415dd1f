using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>A free-text note on the case; its text is personal data of the case's talent and is sealed under their key.</summary>
[EventType("talent-case.note-added.v1")]
public sealed record TalentCaseNoteAdded(
    TalentCaseId Case,
    PersonalNote Note,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
