using Collaboration.Projections.Running;

namespace Collaboration.Projections.Storage;

/// <summary>
/// One batch's write transaction over the read models, shared by every projection in the batch: documents, feed
/// entries, checkpoints and swaps become visible together at <see cref="CommitAsync"/> or not at all (disposing
/// without committing rolls everything back). Writes may be sent as they are made or held until the commit; reads
/// see the transaction's own writes.
/// </summary>
public interface IViewTransaction : IStoredDocuments, IAsyncDisposable
{
    /// <summary>Upserts a document (<paramref name="json"/> null leaves a tombstone).</summary>
    void Write(string projection, long generation, string key, long position, ViewScope scope, string? json);

    /// <summary>As <see cref="Write(string, long, string, long, ViewScope, string?)"/>, the JSON already UTF-8 (a rebuild's documents are never pushed as text).</summary>
    void Write(string projection, long generation, string key, long position, ViewScope scope, byte[]? utf8Json);

    /// <summary>Lists an event in a feed. The entry carries what the feed shows (time, type, stream), so reading a feed needs no log.</summary>
    void AddToFeed(string projection, long generation, FeedEntry entry, ViewScope scope);

    void WriteCheckpoint(string projection, long generation, long position);

    /// <summary>Makes <paramref name="generation"/> the one queries read (the swap after a rebuild).</summary>
    void Activate(string projection, long generation, int codeVersion);

    Task CommitAsync(CancellationToken ct);

    Task RollbackAsync(CancellationToken ct);
}
