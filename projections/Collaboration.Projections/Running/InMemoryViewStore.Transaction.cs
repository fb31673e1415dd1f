using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Running;

public sealed partial class InMemoryViewStore
{
    /// <summary>Reads committed documents.</summary>
    private sealed class Reads(InMemoryViewStore store) : IViewDocumentReads
    {
        public ValueTask<StoredDocument?> ReadAsync(string projection, long generation, string key, CancellationToken ct) =>
            ValueTask.FromResult(store.Read(projection, generation, key));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Holds a batch's writes and applies them all at once on commit; disposed without a commit, they vanish.</summary>
    private sealed class Transaction(InMemoryViewStore store) : IViewTransaction
    {
        private readonly Dictionary<(string Projection, long Generation, string Key), StoredDocument> written = [];
        private readonly List<Action> changes = [];
        private readonly HashSet<(string Projection, long Generation)> wroteTo = [];
        private bool done;
        private bool disposed;

        public ValueTask<StoredDocument?> ReadAsync(string projection, long generation, string key, CancellationToken ct) =>
            ValueTask.FromResult(written.TryGetValue((projection, generation, key), out var mine) ? mine : store.Read(projection, generation, key));

        public void Write(string projection, long generation, string key, long position, ViewScope scope, string? json)
        {
            ArgumentNullException.ThrowIfNull(scope);
            written[(projection, generation, key)] = new StoredDocument(json, scope);
            wroteTo.Add((projection, generation));
            changes.Add(() => store.Put(projection, generation, key, position, scope, json));
        }

        public void Write(string projection, long generation, string key, long position, ViewScope scope, byte[]? utf8Json) =>
            Write(projection, generation, key, position, scope, utf8Json is null ? null : System.Text.Encoding.UTF8.GetString(utf8Json));

        public void AddToFeed(string projection, long generation, FeedEntry entry, ViewScope scope)
        {
            ArgumentNullException.ThrowIfNull(entry);
            ArgumentNullException.ThrowIfNull(scope);
            wroteTo.Add((projection, generation));
            changes.Add(() => store.AddToFeed(projection, generation, entry, scope));
        }

        public void WriteCheckpoint(string projection, long generation, long position)
        {
            var wrote = wroteTo.Contains((projection, generation));
            changes.Add(() =>
            {
                store.checkpoints[(projection, generation)] = position;
                if (wrote)
                {
                    store.changed[(projection, generation)] = position;
                }
            });
        }

        public void Activate(string projection, long generation, int codeVersion) =>
            changes.Add(() => store.active[projection] = (generation, codeVersion));

        public Task CommitAsync(CancellationToken ct)
        {
            ObjectDisposedException.ThrowIf(done, this);
            lock (store.gate)
            {
                foreach (var change in changes)
                {
                    change();
                }
            }

            done = true;
            return Task.CompletedTask;
        }

        public Task RollbackAsync(CancellationToken ct)
        {
            changes.Clear();
            done = true;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (!disposed)
            {
                disposed = true;
                changes.Clear();
                store.writeTurn.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
