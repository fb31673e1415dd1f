namespace Collaboration.Domain.Observers;

/// <summary>
/// An appointment term; both ends are inclusive because appointment letters name the first and the
/// last day of service.
/// </summary>
public sealed record ObserverTerm(DateOnly Start, DateOnly End)
{
    public bool Covers(DateOnly day) => day >= Start && day <= End;
}
