using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Information was requested from the applicant; the deadline clock paused on <see cref="RequestedOn"/>.</summary>
[EventType("talent-case.information-requested.v1")]
public sealed record TalentCaseInformationRequested(
    TalentCaseId Case,
    BilingualText Request,
    DateOnly RequestedOn,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
