namespace Collaboration.Projections.Running;

/// <summary>Reads and writes the documents of one projection; each written document records the current position.</summary>
public interface IViewWriter
{
    ValueTask<T?> GetAsync<T>(string key, CancellationToken ct) where T : class;

    ValueTask PutAsync<T>(string key, T document, ViewScope scope, CancellationToken ct) where T : class;

    /// <summary>Removes a document, leaving a tombstone so clients catching up learn about the removal.</summary>
    ValueTask DeleteAsync(string key, CancellationToken ct);
}
