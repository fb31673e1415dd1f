using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Running;

/// <summary>
/// One rebuild batch's writes, recorded while the batch is applied and sent to the view store by
/// <see cref="CommitToAsync"/> on another task while the next batches are being applied: binding the rows and
/// committing run beside the applying thread, which builds and serialises the documents (<see cref="Prepare"/>) while
/// the batches before commit (ADR 0009 and its amendments of 2026-12-07).
/// </summary>
/// <remarks>
/// Reads see this batch's own writes, then those of the batches before it that may still be waiting for or in their
/// commit, newest first, then the store, which already holds every earlier batch: the runner commits batches in order,
/// one at a time, and cuts the chain (<see cref="PreviousCommitted"/>) behind a batch only once it knows the batch
/// before is committed. A document read back so is the JSON that will be stored, as a read from the store would
/// return it.
/// </remarks>
internal sealed class WriteBehindBatch(WriteBehindBatch? previous) : IViewTransaction
{
    private readonly List<DocumentWrite> documents = [];
    private readonly Dictionary<(string Projection, long Generation, string Key), DocumentWrite> byKey = [];
    private readonly List<(string Projection, long Generation, FeedEntry Entry, ViewScope Scope)> feedEntries = [];
    private readonly List<(string Projection, long Generation, long Position)> checkpoints = [];
    private WriteBehindBatch? previous = previous;
    private IStoredDocuments? store;
    private bool committed;

    /// <summary>Reads not answered by the recorded writes go to <paramref name="reads"/> (the batch's read connection).</summary>
    public WriteBehindBatch ReadingThrough(IStoredDocuments reads)
    {
        store = reads;
        return this;
    }

    /// <summary>The batch before (and so every one before it) is in the store now: reads need not look at them, and they can be collected.</summary>
    public void PreviousCommitted() => previous = null;

    public ValueTask<StoredDocument?> ReadAsync(string projection, long generation, string key, CancellationToken ct)
    {
        if (RecordedInChain(projection, generation, key) is { } written)
        {
            return ValueTask.FromResult<StoredDocument?>(written.AsStored());
        }

        return store?.ReadAsync(projection, generation, key, ct)
            ?? throw new InvalidOperationException("The batch reads through the store only while it is applied.");
    }

    public void Write(string projection, long generation, string key, long position, ViewScope scope, string? json) =>
        Record(new DocumentWrite(projection, generation, key, position, () => (scope, json)));

    public void Write(string projection, long generation, string key, long position, ViewScope scope, byte[]? utf8Json) =>
        Record(new DocumentWrite(projection, generation, key, position, () => (scope, utf8Json)));

    /// <summary>
    /// Records a document that is built (its pending changes applied) and serialised when the batch is committed, or
    /// when a read asks for it first; <paramref name="materialise"/> runs once and must only read immutable state.
    /// </summary>
    public void WriteDeferred(string projection, long generation, string key, long position, Func<(ViewScope Scope, object? Document)> materialise)
    {
        ArgumentNullException.ThrowIfNull(materialise);
        Record(new DocumentWrite(projection, generation, key, position, () =>
        {
            var (scope, document) = materialise();
            return (scope, document is null ? null : ViewJson.SerializeToUtf8(document));
        }));
    }

    public void AddToFeed(string projection, long generation, FeedEntry entry, ViewScope scope) =>
        feedEntries.Add((projection, generation, entry, scope));

    public void WriteCheckpoint(string projection, long generation, long position) =>
        checkpoints.Add((projection, generation, position));

    public void Activate(string projection, long generation, int codeVersion) =>
        throw new NotSupportedException("A rebuild is swapped in by its final transaction, not by a batch written behind.");

    /// <summary>The batch is complete: <see cref="CommitToAsync"/> will write it.</summary>
    public Task CommitAsync(CancellationToken ct)
    {
        committed = true;
        return Task.CompletedTask;
    }

    public Task RollbackAsync(CancellationToken ct)
    {
        documents.Clear();
        byKey.Clear();
        feedEntries.Clear();
        checkpoints.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Builds and serialises the batch's documents now, on the calling thread, so that <see cref="CommitToAsync"/> is
    /// left with the store's writes alone. The runner calls it on the applying thread
    /// while the batch before commits: the commit is the rebuild's one serial stage, and the applying thread would
    /// otherwise wait for it with nothing to do.
    /// </summary>
    public void Prepare()
    {
        foreach (var document in documents)
        {
            _ = document.Json;
        }
    }

    /// <summary>Writes the committed batch in one transaction of <paramref name="views"/> (nothing if it was rolled back or empty).</summary>
    public async Task CommitToAsync(IViewStore views, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(views);
        if (!committed || (documents.Count == 0 && feedEntries.Count == 0 && checkpoints.Count == 0))
        {
            return;
        }

        await using var transaction = await views.BeginAsync(ct);
        foreach (var document in documents)
        {
            var (scope, json) = document.Json;
            switch (json)
            {
                case string text:
                    transaction.Write(document.Projection, document.Generation, document.Key, document.Position, scope, text);
                    break;
                default:
                    transaction.Write(document.Projection, document.Generation, document.Key, document.Position, scope, (byte[]?)json);
                    break;
            }
        }

        foreach (var (projection, generation, entry, scope) in feedEntries)
        {
            transaction.AddToFeed(projection, generation, entry, scope);
        }

        foreach (var (projection, generation, position) in checkpoints)
        {
            transaction.WriteCheckpoint(projection, generation, position);
        }

        await transaction.CommitAsync(ct);
    }

    private DocumentWrite? RecordedInChain(string projection, long generation, string key)
    {
        for (var batch = this; batch is not null; batch = batch.previous)
        {
            if (batch.Recorded(projection, generation, key) is { } written)
            {
                return written;
            }
        }

        return null;
    }

    private DocumentWrite? Recorded(string projection, long generation, string key) =>
        byKey.GetValueOrDefault((projection, generation, key));

    private void Record(DocumentWrite write)
    {
        documents.Add(write);
        byKey[(write.Projection, write.Generation, write.Key)] = write;
    }

    /// <summary>One upsert; its JSON (a string, UTF-8 bytes or null for a tombstone) is made at most once, by whichever thread asks first.</summary>
    private sealed class DocumentWrite(string projection, long generation, string key, long position, Func<(ViewScope Scope, object? Json)> make)
    {
        private readonly Lazy<(ViewScope Scope, object? Json)> json = new(make, LazyThreadSafetyMode.ExecutionAndPublication);

        public string Projection { get; } = projection;

        public long Generation { get; } = generation;

        public string Key { get; } = key;

        public long Position { get; } = position;

        public (ViewScope Scope, object? Json) Json => json.Value;

        public StoredDocument AsStored()
        {
            var (scope, made) = Json;
            return new StoredDocument(made is byte[] utf8 ? System.Text.Encoding.UTF8.GetString(utf8) : (string?)made, scope);
        }
    }
}
