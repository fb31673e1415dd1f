using System.Collections.Concurrent;

namespace Collaboration.Projections.Running;

/// <summary>
/// Read models held in memory: what <see cref="ProjectionReplayer"/> fills to answer "what did the view look like
/// as of position N", and a test double for the SQLite store. Thread-safe for one writer and many readers.
/// </summary>
public sealed class InMemoryViewStore : IViewReader
{
    private readonly ConcurrentDictionary<(string View, string Key), StoredView> documents = new();

    /// <summary>The highest position applied.</summary>
    public long Position { get; internal set; }

    /// <summary>Every document, tombstones included.</summary>
    public IReadOnlyCollection<StoredView> All => [.. documents.Values.OrderBy(d => d.View, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal)];

    /// <summary>A typed document, or null.</summary>
    public T? Get<T>(string view, string key) where T : class =>
        documents.TryGetValue((view, key), out var stored) && stored.Json is { } json ? ViewJson.Deserialize<T>(json) : null;

    public Task<StoredView?> GetAsync(string view, string key, CancellationToken ct = default) =>
        Task.FromResult(documents.TryGetValue((view, key), out var stored) && !stored.IsRemoved ? stored : null);

    public Task<IReadOnlyList<StoredView>> ListAsync(string view, IReadOnlySet<string>? audiences, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<StoredView>>([.. documents.Values
            .Where(d => d.View == view && !d.IsRemoved && d.Scope.IsVisibleTo(audiences))
            .OrderBy(d => d.Key, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<StoredView>> ChangedSinceAsync(long sincePosition, IReadOnlySet<string>? audiences, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<StoredView>>([.. documents.Values
            .Where(d => d.Position > sincePosition && d.Scope.IsVisibleTo(audiences))
            .OrderBy(d => d.Position).ThenBy(d => d.View, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal)]);

    internal IViewWriter WriterFor(string view, Func<long> position) => new Writer(this, view, position);

    private sealed class Writer(InMemoryViewStore store, string view, Func<long> position) : IViewWriter
    {
        public ValueTask<T?> GetAsync<T>(string key, CancellationToken ct) where T : class => ValueTask.FromResult(store.Get<T>(view, key));

        public ValueTask PutAsync<T>(string key, T document, ViewScope scope, CancellationToken ct) where T : class
        {
            store.documents[(view, key)] = new StoredView(view, key, position(), ViewJson.Serialize(document), scope);
            return ValueTask.CompletedTask;
        }

        public ValueTask DeleteAsync(string key, CancellationToken ct)
        {
            if (store.documents.TryGetValue((view, key), out var existing))
            {
                store.documents[(view, key)] = existing with { Position = position(), Json = null };
            }

            return ValueTask.CompletedTask;
        }
    }
}
