using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>
/// The closed set of observer states. <see cref="Active"/> means "appointed and not ended early": a
/// term that simply ran out needs no event, so whether someone serves on a given day is always asked
/// with a date (<see cref="ObserverSnapshot.IsActiveOn"/>).
/// </summary>
public abstract record ObserverState;

public sealed record NotAppointed : ObserverState
{
    public static readonly NotAppointed Instance = new();
}

public sealed record Active(
    ObserverId Observer,
    int Batch,
    PersonalDetails Details,
    string Nationality,
    IReadOnlyList<ObserverRole> Roles,
    ObserverTerm Term) : ObserverState;

public sealed record TermEnded(
    ObserverId Observer,
    int Batch,
    PersonalDetails Details,
    string Nationality,
    IReadOnlyList<ObserverRole> Roles,
    ObserverTerm Term,
    DateOnly EndedOn,
    BilingualText Reason) : ObserverState;
