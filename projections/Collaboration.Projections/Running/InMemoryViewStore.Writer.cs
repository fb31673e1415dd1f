using Collaboration.EventStore;
using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Running;

public sealed partial class InMemoryViewStore
{
    /// <summary>
    /// A replay's writer: holds documents as objects while the replay runs and serialises each once at
    /// <see cref="Flush"/> into the view's active generation; a replay may put the same document thousands of times.
    /// </summary>
    internal sealed class Writer(InMemoryViewStore store, string view, long generation, Func<RecordedEvent?> current) : IViewWriter
    {
        private readonly Dictionary<string, (object? Document, ViewScope Scope, long Position)> pending = new(StringComparer.Ordinal);
        private readonly List<(FeedEntry Entry, ViewScope Scope)> feed = [];

        private long Position() => current()?.Position ?? 0;

        public ValueTask<T?> GetAsync<T>(string key, CancellationToken ct) where T : class =>
            ValueTask.FromResult(pending.TryGetValue(key, out var held)
                ? held.Document switch { null => null, T typed => typed, var other => ViewJson.Deserialize<T>(ViewJson.Serialize(other, other.GetType())) }
                : store.Read(view, generation, key) is { Json: { } json } ? ViewJson.Deserialize<T>(json) : null);

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
            feed.Add((FeedEntry.Of(recorded), scope));
            return ValueTask.CompletedTask;
        }

        public ValueTask DeleteAsync(string key, CancellationToken ct)
        {
            if (pending.TryGetValue(key, out var held))
            {
                pending[key] = (null, held.Scope, Position());
            }
            else if (store.Read(view, generation, key) is { } existing)
            {
                pending[key] = (null, existing.Scope, Position());
            }

            return ValueTask.CompletedTask;
        }

        /// <summary>Stores what was put since the last flush.</summary>
        public void Flush()
        {
            lock (store.gate)
            {
                foreach (var (key, (document, scope, at)) in pending)
                {
                    store.Put(view, generation, key, at, scope, document is null ? null : ViewJson.Serialize(document, document.GetType()));
                }

                foreach (var (entry, scope) in feed)
                {
                    store.AddToFeed(view, generation, entry, scope);
                }
            }

            pending.Clear();
            feed.Clear();
        }
    }
}
