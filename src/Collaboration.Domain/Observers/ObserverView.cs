using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>
/// A flat, read-friendly view of an observer for projections and the API. Status depends on the day,
/// so it is a function of <c>today</c> rather than a field.
/// </summary>
public sealed record ObserverView(
    ObserverId Observer,
    int Batch,
    PersonalDetails Details,
    string Nationality,
    IReadOnlyList<ObserverRole> Roles,
    DateOnly TermStart,
    DateOnly TermEnd,
    DateOnly? EndedOn,
    BilingualText? EndReason)
{
    public ObserverSnapshot Snapshot => new(Observer, TermStart, TermEnd, EndedOn);

    public bool Holds(ObserverRole role) => Roles.Contains(role);

    public ObserverStatus StatusOn(DateOnly today) =>
        today < TermStart ? ObserverStatus.NotYetServing
        : EndedOn is { } ended && today >= ended ? ObserverStatus.TermEndedEarly
        : today > TermEnd ? ObserverStatus.TermExpired
        : ObserverStatus.Serving;

    /// <summary>The view of an appointed observer, or null for a stream with no appointment.</summary>
    public static ObserverView? Of(ObserverState state) => state switch
    {
        Active a => new(a.Observer, a.Batch, a.Details, a.Nationality, a.Roles, a.Term.Start, a.Term.End, null, null),
        TermEnded e => new(e.Observer, e.Batch, e.Details, e.Nationality, e.Roles, e.Term.Start, e.Term.End, e.EndedOn, e.Reason),
        _ => null,
    };
}
