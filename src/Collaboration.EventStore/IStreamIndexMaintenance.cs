namespace Collaboration.EventStore;

/// <summary>
/// A store that keeps which events belong to which stream as derived data beside the log (the SQLite store's stream
/// index, ADR 0010): an operator can check it against the log and rebuild it from the log. A store whose stream lookups
/// are an index of the database itself (PostgreSQL) has nothing of the kind to check or repair and does not implement it.
/// </summary>
public interface IStreamIndexMaintenance
{
    /// <summary>Checks, in one snapshot, that the index holds exactly one matching entry per event.</summary>
    Task<StreamIndexCheck> CheckStreamIndexAsync(CancellationToken ct = default);

    /// <summary>Rebuilds the index from the log (the log is not touched); returns the number of entries written.</summary>
    Task<long> RebuildStreamIndexAsync(IProgress<long>? progress = null, CancellationToken ct = default);
}
