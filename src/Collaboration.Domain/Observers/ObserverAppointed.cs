using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>An observer was appointed; every personal field sits inside <paramref name="Details"/> so crypto-shredding erases all of it at once.</summary>
[EventType("observer.appointed.v1")]
public sealed record ObserverAppointed(
    ObserverId Observer,
    int Batch,
    PersonalDetails Details,
    string Nationality,
    IReadOnlyList<ObserverRole> Roles,
    DateOnly TermStart,
    DateOnly TermEnd,
    string AppointedBy,
    DateTimeOffset At) : IObserverEvent;
