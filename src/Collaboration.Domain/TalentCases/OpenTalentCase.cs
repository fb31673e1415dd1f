using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Open a case for a talent. A partner may open only cases it refers itself.</summary>
public sealed record OpenTalentCase(
    TalentCaseId Case,
    PersonalDetails Talent,
    string Nationality,
    TalentCategory Category,
    TalentService Service,
    PartnerId? ReferredBy,
    Actor By,
    DateTimeOffset At) : ITalentCaseCommand;
