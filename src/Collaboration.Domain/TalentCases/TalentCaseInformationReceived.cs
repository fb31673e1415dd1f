using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>The requested information arrived; the deadline moved by the working days the clock was paused (both recorded as decided).</summary>
[EventType("talent-case.information-received.v1")]
public sealed record TalentCaseInformationReceived(
    TalentCaseId Case,
    DateOnly ReceivedOn,
    int PausedWorkingDays,
    DateOnly DueOn,
    string By,
    DateTimeOffset At) : ITalentCaseEvent;
