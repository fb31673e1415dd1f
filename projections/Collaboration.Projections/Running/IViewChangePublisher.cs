namespace Collaboration.Projections.Running;

/// <summary>Told about documents after the transaction that wrote them has committed (never before, never for a rolled-back batch).</summary>
public interface IViewChangePublisher
{
    Task PublishAsync(IReadOnlyList<StoredView> changes, CancellationToken ct);

    /// <summary>
    /// Every projection's changes up to <paramref name="position"/> have now been published (the lowest live checkpoint:
    /// a projection sitting out after a failure holds it back, since its changes below the others' still have to come).
    /// Called only when the position rises.
    /// </summary>
    Task PublishedThroughAsync(long position, CancellationToken ct);
}
