using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>
/// What the Feedback aggregate needs to know about an observer, supplied by the application layer
/// (deciders never load other streams). <paramref name="EndedOn"/> is the first day the observer no
/// longer serves after an early end; null while the term runs its course.
/// </summary>
public sealed record ObserverSnapshot(ObserverId Observer, DateOnly TermStart, DateOnly TermEnd, DateOnly? EndedOn)
{
    public bool IsActiveOn(DateOnly day) =>
        day >= TermStart && day <= TermEnd && (EndedOn is not { } ended || day < ended);

    /// <summary>The snapshot of an appointed observer, or null when nobody was appointed on that stream.</summary>
    public static ObserverSnapshot? Of(ObserverState state) => state switch
    {
        Active a => new(a.Observer, a.Term.Start, a.Term.End, null),
        TermEnded e => new(e.Observer, e.Term.Start, e.Term.End, e.EndedOn),
        _ => null,
    };
}
