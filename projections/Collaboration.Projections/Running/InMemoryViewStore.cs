using Collaboration.EventStore;
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

    public Task<IReadOnlyList<StoredView>> LatestAsync(string view, IReadOnlySet<string>? audiences, int limit, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<StoredView>>([.. documents.Values
            .Where(d => d.View == view && !d.IsRemoved && d.Scope.IsVisibleTo(audiences))
            .OrderByDescending(d => d.Position)
            .Take(limit)]);

    public Task<StoredChanges> ChangedSinceAsync(long sincePosition, IReadOnlySet<string>? audiences, int maxRows, CancellationToken ct = default) =>
        ChangePages.Cut(
            [.. documents.Values.Where(d => d.Position > sincePosition).OrderBy(d => d.Position).ThenBy(d => d.View, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal)],
            sincePosition, audiences, maxRows);

    internal Writer WriterFor(string view, Func<RecordedEvent?> current) => new(this, view, current);

    /// <summary>
    /// Holds documents as objects while a replay runs and serialises each once at <see cref="Flush"/>: a replay may put
    /// the same document thousands of times.
    /// </summary>
    internal sealed class Writer(InMemoryViewStore store, string view, Func<RecordedEvent?> current) : IViewWriter
    {
        private long Position() => current()?.Position ?? 0;

        private readonly Dictionary<string, (object? Document, ViewScope Scope, long Position)> pending = new(StringComparer.Ordinal);

        public ValueTask<T?> GetAsync<T>(string key, CancellationToken ct) where T : class =>
            ValueTask.FromResult(pending.TryGetValue(key, out var held)
                ? held.Document switch { null => null, T typed => typed, var other => ViewJson.Deserialize<T>(ViewJson.Serialize(other, other.GetType())) }
                : store.Get<T>(view, key));

        public ValueTask PutAsync<T>(string key, T document, ViewScope scope, CancellationToken ct) where T : class
        {
            ArgumentNullException.ThrowIfNull(document);
            pending[key] = (document, scope, Position());
            return ValueTask.CompletedTask;
        }

        public ValueTask PutDeferredAsync<T>(string key, Func<T> build, Func<T, ViewScope> scope, CancellationToken ct) where T : class
        {
            ArgumentNullException.ThrowIfNull(build);
            ArgumentNullException.ThrowIfNull(scope);
            var document = build();
            return PutAsync(key, document, scope(document), ct);
        }

        public async ValueTask PatchAsync<T>(string key, string part, Func<T?, T> change, Func<T, ViewScope> scope, CancellationToken ct) where T : class
        {
            ArgumentNullException.ThrowIfNull(change);
            ArgumentNullException.ThrowIfNull(scope);
            // In memory the change is applied at once: the result is the same, patches of different parts commute.
            var document = change(await GetAsync<T>(key, ct));
            await PutAsync(key, document, scope(document), ct);
        }

        public ValueTask AddToFeedAsync(ViewScope scope, CancellationToken ct)
        {
            var recorded = current() ?? throw new InvalidOperationException("No event is being applied.");
            // In memory a feed entry is simply a document keyed by its position.
            pending[FeedEntry.KeyOf(recorded.Position)] = (FeedEntry.Of(recorded), scope, recorded.Position);
            return ValueTask.CompletedTask;
        }

        public ValueTask DeleteAsync(string key, CancellationToken ct)
        {
            if (pending.TryGetValue(key, out var held))
            {
                pending[key] = (null, held.Scope, Position());
            }
            else if (store.documents.TryGetValue((view, key), out var existing))
            {
                pending[key] = (null, existing.Scope, Position());
            }

            return ValueTask.CompletedTask;
        }

        /// <summary>Stores what was put since the last flush.</summary>
        public void Flush()
        {
            foreach (var (key, (document, scope, at)) in pending)
            {
                store.documents[(view, key)] = new StoredView(view, key, at, document is null ? null : ViewJson.Serialize(document, document.GetType()), scope);
            }

            pending.Clear();
        }
    }
}
