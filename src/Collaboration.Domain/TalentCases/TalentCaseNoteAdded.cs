using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>A free-text note. Officers may write personal data into it, so the store must treat note text as personal data of the case's talent (see docs/domain/talent-cases.md).</summary>
[EventType("talent-case.note-added.v1")]
public sealed record TalentCaseNoteAdded(
    TalentCaseId Case,
    string Text,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
