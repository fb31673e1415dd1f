namespace Collaboration.Domain.Observers;

/// <summary>
/// What an observer is appointed as. A person can hold several roles at once (Robert is both a
/// public observer and a foreign experience officer), so appointments carry a set, not one value.
/// </summary>
public enum ObserverRole
{
    /// <summary>政务公开观察员</summary>
    PublicObserver = 1,

    /// <summary>外籍体验官</summary>
    ForeignExperienceOfficer = 2,
}
