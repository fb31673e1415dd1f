using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>A case was opened. All personal data sits in <see cref="Talent"/> (the crypto-shredding unit); nationality and category are statistics. <see cref="DueOn"/> is the deadline decided at opening from the service standard then in force.</summary>
[EventType("talent-case.opened.v1")]
public sealed record TalentCaseOpened(
    TalentCaseId Case,
    PersonalDetails Talent,
    string Nationality,
    TalentCategory Category,
    TalentService Service,
    PartnerId? ReferredBy,
    DateOnly OpenedOn,
    int ServiceLimitWorkingDays,
    DateOnly DueOn,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
