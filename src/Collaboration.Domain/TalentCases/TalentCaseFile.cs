using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>
/// What every opened case knows, whatever its state. <see cref="Talent"/> is the only personal
/// data; everything else is safe to keep after the person's key has been shredded.
/// </summary>
public sealed record TalentCaseFile(
    TalentCaseId Case,
    PersonalDetails Talent,
    string Nationality,
    TalentCategory Category,
    TalentService Service,
    PartnerId? ReferredBy,
    DateOnly OpenedOn,
    int ServiceLimitWorkingDays,
    DateOnly DueOn,
    CaseAssignment? Assignment,
    bool Extended,
    EscalationLevel? Escalation,
    int ReopenCount);

/// <summary>The department and officer in charge (identifiers, not names).</summary>
public sealed record CaseAssignment(string Department, string Officer);
