using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>
/// Appoint an observer for one batch. Nationality is an ISO 3166-1 alpha-2 code kept outside
/// <see cref="PersonalDetails"/>: it is reported in batch statistics that must survive erasure of the person.
/// </summary>
public sealed record AppointObserver(
    ObserverId Observer,
    int Batch,
    PersonalDetails Details,
    string Nationality,
    IReadOnlyList<ObserverRole> Roles,
    DateOnly TermStart,
    DateOnly TermEnd,
    Actor By,
    DateTimeOffset At) : IObserverCommand;
