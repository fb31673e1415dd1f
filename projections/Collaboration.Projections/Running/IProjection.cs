namespace Collaboration.Projections.Running;

/// <summary>
/// A read model's fold over the log. It must be a pure function of the events it is given (and of the earlier
/// events of a stream it asks <see cref="IProjectionContext"/> for): no clock, no other I/O. That is what lets the
/// same projection run live against SQLite, be rebuilt beside itself, and be replayed in memory "as of" a position.
/// </summary>
public interface IProjection
{
    /// <summary>The view name; also the name of its documents in storage (see the API's <c>ViewNames</c>).</summary>
    string Name { get; }

    /// <summary>Bump when the fold changes: a running host rebuilds the view beside the old one and swaps it in.</summary>
    int Version { get; }

    /// <summary>Applies one event; events the projection does not care about are simply ignored.</summary>
    ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct);
}
