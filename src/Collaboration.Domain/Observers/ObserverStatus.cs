namespace Collaboration.Domain.Observers;

/// <summary>Where an observer stands on a given day (derived, never stored: it changes with the calendar).</summary>
public enum ObserverStatus
{
    NotYetServing = 1,
    Serving = 2,
    TermExpired = 3,
    TermEndedEarly = 4,
}
