using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>
/// The closed set of states a talent-service case can be in. Assignment is a detail of an open
/// case rather than its own state because every rule that applies to an unassigned open case also
/// applies to an assigned one; the information pause and the two closures change what is allowed,
/// so they are states.
/// </summary>
public abstract record TalentCaseState
{
    private protected TalentCaseState()
    {
    }

    /// <summary>No case yet: the stream is empty.</summary>
    public sealed record NotOpened : TalentCaseState
    {
        public static readonly NotOpened Instance = new();
    }

    /// <summary>Being worked on; the deadline clock runs.</summary>
    public sealed record Open(TalentCaseFile File) : TalentCaseState;

    /// <summary>Waiting for the applicant; the clock is paused since <see cref="RequestedOn"/>.</summary>
    public sealed record AwaitingInformation(TalentCaseFile File, BilingualText Request, DateOnly RequestedOn) : TalentCaseState;

    /// <summary>Resolved; <see cref="Satisfaction"/> is null until the talent rates this resolution.</summary>
    public sealed record Resolved(TalentCaseFile File, BilingualText Outcome, DateOnly ResolvedOn, bool WithinDeadline, int? Satisfaction) : TalentCaseState;

    /// <summary>Rejected with a reason.</summary>
    public sealed record Rejected(TalentCaseFile File, BilingualText Reason, DateOnly RejectedOn) : TalentCaseState;
}
