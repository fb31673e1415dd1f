namespace Collaboration.Api.Live;

/// <summary>
/// In-process stream of committed read-model changes, for server-side consumers such as the Blazor dashboard
/// (which already runs as a trusted server component and filters with <see cref="IViewQueries.ShowAsync"/>).
/// The hub is fed from the same source.
/// </summary>
public interface IViewChangeFeed
{
    /// <summary>
    /// Calls <paramref name="onChange"/> for every change committed after this call, in position order.
    /// Dispose the result to stop. A handler that throws is logged and does not stop other subscribers.
    /// </summary>
    IDisposable Subscribe(Func<ViewChange, Task> onChange);

    /// <summary>The highest position whose changes have been published (0 before the first).</summary>
    long LastPublishedPosition { get; }
}
