using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.TalentCases;

/// <summary>
/// A flat, read-friendly view of a case for projections and lists. It deliberately holds no personal
/// data — only the talent's <see cref="PersonId"/> — so it can be stored and shown without the
/// person's key; a screen that needs the name reads <see cref="TalentCaseFile.Talent"/>.
/// </summary>
public sealed record TalentCaseView(
    TalentCaseId Case,
    PersonId Talent,
    TalentCaseStatus Status,
    TalentService Service,
    TalentCategory Category,
    string Nationality,
    PartnerId? ReferredBy,
    string? Department,
    string? Officer,
    DateOnly OpenedOn,
    DateOnly DueOn,
    bool Paused,
    DateOnly? PausedSince,
    bool Extended,
    EscalationLevel? Escalation,
    DateOnly? ClosedOn,
    bool? ResolvedWithinDeadline,
    int? Satisfaction,
    int ReopenCount)
{
    public bool Escalated => Escalation is not null;

    /// <summary>
    /// The first day the queue calls the case breached (its running clock past the deadline, or resolved late):
    /// <see cref="DateOnly.MinValue"/> once resolved late, <see cref="DateOnly.MaxValue"/> when no day will. Stored with the
    /// view so that "breached today" is a date comparison the store can count; a paused case's clock stopped on its request
    /// day, so it is breached only if that day was already past the deadline.
    /// </summary>
    public DateOnly BreachedFrom => ResolvedWithinDeadline == false ? DateOnly.MinValue : Status switch
    {
        TalentCaseStatus.Open or TalentCaseStatus.Assigned => DueOn.AddDays(1),
        TalentCaseStatus.AwaitingInformation when PausedSince is not { } since || since > DueOn => DueOn.AddDays(1),
        _ => DateOnly.MaxValue,
    };

    /// <summary>The view of <paramref name="state"/>, or null when no case has been opened.</summary>
    public static TalentCaseView? Of(TalentCaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (TalentCaseDecider.FileOf(state) is not { } f)
        {
            return null;
        }

        var view = new TalentCaseView(
            f.Case, f.Talent.Person, f.Assignment is null ? TalentCaseStatus.Open : TalentCaseStatus.Assigned,
            f.Service, f.Category, f.Nationality, f.ReferredBy, f.Assignment?.Department, f.Assignment?.Officer,
            f.OpenedOn, f.DueOn, Paused: false, PausedSince: null, f.Extended, f.Escalation,
            ClosedOn: null, ResolvedWithinDeadline: null, Satisfaction: null, f.ReopenCount);

        return state switch
        {
            TalentCaseState.AwaitingInformation a => view with { Status = TalentCaseStatus.AwaitingInformation, Paused = true, PausedSince = a.RequestedOn },
            TalentCaseState.Resolved r => view with { Status = TalentCaseStatus.Resolved, ClosedOn = r.ResolvedOn, ResolvedWithinDeadline = r.WithinDeadline, Satisfaction = r.Satisfaction },
            TalentCaseState.Rejected r => view with { Status = TalentCaseStatus.Rejected, ClosedOn = r.RejectedOn },
            _ => view,
        };
    }
}
