using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>Record that the requested information arrived; the clock restarts.</summary>
public sealed record RecordTalentInformationReceived(
    TalentCaseId Case,
    Actor By,
    DateTimeOffset At) : ITalentCaseCommand;
