namespace Collaboration.Projections.Running;

/// <summary>Told about documents after the transaction that wrote them has committed (never before, never for a rolled-back batch).</summary>
public interface IViewChangePublisher
{
    Task PublishAsync(IReadOnlyList<StoredView> changes, CancellationToken ct);
}
