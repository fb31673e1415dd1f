namespace Collaboration.Projections.Storage;

/// <summary>Reads one stored document of a projection generation.</summary>
public interface IStoredDocuments
{
    /// <summary>The document as stored (JSON null for a tombstone), or null when there is none.</summary>
    ValueTask<StoredDocument?> ReadAsync(string projection, long generation, string key, CancellationToken ct);
}
