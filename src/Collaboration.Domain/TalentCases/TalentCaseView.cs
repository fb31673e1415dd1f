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
