using Collaboration.Projections.Running;

namespace Collaboration.Projections.Storage;

/// <summary>
/// Where read models live, whatever the backend: per projection, generations of documents and feed entries, each
/// with its checkpoint, and which generation is active (the one queries read). The runner writes a batch's documents
/// and checkpoints in one <see cref="IViewTransaction"/>; a rebuild fills a new generation beside the active one and
/// swaps it in with <see cref="IViewTransaction.Activate"/>. Queries (<see cref="IViewReader"/>) read active
/// generations only. Several instances (processes) may share one store: each learns of another's swap from
/// <see cref="ReadActiveAsync"/>.
/// </summary>
public interface IViewStore : IViewReader
{
    /// <summary>Creates or upgrades the schema. Idempotent.</summary>
    Task InitializeAsync(CancellationToken ct = default);

    /// <summary>
    /// The active generation of <paramref name="projection"/>, creating generation 1 (checkpoint 0, built by
    /// <paramref name="codeVersion"/>) when it has none.
    /// </summary>
    Task<ProjectionGeneration> RegisterAsync(string projection, int codeVersion, CancellationToken ct = default);

    /// <summary>Every projection's active generation with its committed checkpoint.</summary>
    Task<IReadOnlyList<ProjectionGeneration>> ReadActiveAsync(CancellationToken ct = default);

    /// <summary>The active generation's checkpoint of a projection, or null when it never ran.</summary>
    Task<long?> ActiveCheckpointAsync(string projection, CancellationToken ct = default);

    /// <summary>
    /// Drops what interrupted rebuilds left of <paramref name="projection"/> (every generation but the active one) and
    /// starts a new, empty generation at checkpoint 0, numbered above every earlier one.
    /// </summary>
    Task<long> CreateGenerationAsync(string projection, CancellationToken ct = default);

    /// <summary>Deletes a generation's documents, feed entries and checkpoint (the old one after a swap).</summary>
    Task DropGenerationAsync(string projection, long generation, CancellationToken ct = default);

    /// <summary>Reads for applying a batch, outside the write transaction.</summary>
    IViewDocumentReads OpenReads();

    /// <summary>Begins a batch's write transaction; may wait for this process's turn to write.</summary>
    Task<IViewTransaction> BeginAsync(CancellationToken ct = default);
}
