using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Ask the applicant for information; the deadline clock pauses until it is received.</summary>
public sealed record RequestTalentInformation(
    TalentCaseId Case,
    BilingualText Request,
    Actor By,
    DateTimeOffset At) : ITalentCaseCommand;
