namespace Collaboration.Api.Live;

/// <summary>
/// What the server can call on a connected status client (<c>/hubs/status</c>). Pushes are sent only after the
/// projection that changed the view has committed, so a client never sees a view that could still roll back.
/// </summary>
public interface IStatusClient
{
    /// <summary>One view document changed (or was removed); see <see cref="ViewChange"/>.</summary>
    Task ViewChanged(ViewChange change);

    /// <summary>
    /// Every change up to <paramref name="position"/> has been pushed: the position this connection may later resume
    /// from (<c>CatchUp</c>). A pushed document's own position is not one: a projection retried after a failure can
    /// still push changes below it.
    /// </summary>
    Task PublishedThrough(long position);

    /// <summary>
    /// Pushes may have been lost (a new node took over the projections after the previous one died between its commit and
    /// its push): call <c>CatchUp</c> from the resume position again, as after a reconnect.
    /// </summary>
    Task CatchUpNeeded();
}
