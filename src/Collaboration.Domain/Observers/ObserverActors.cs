using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Observers;

/// <summary>
/// How an observer appears as an <see cref="Actor"/>: role Observer and the observer id as the actor id.
/// The application maps the signed-in observer this way; Feedback uses it to check "by that observer".
/// </summary>
public static class ObserverActors
{
    public static Actor For(ObserverId observer) => new(observer.Value.ToString(), ActorRole.Observer);

    public static bool Is(Actor actor, ObserverId observer) =>
        actor.Role == ActorRole.Observer
        && Guid.TryParse(actor.Id, out var id)
        && id == observer.Value;
}
