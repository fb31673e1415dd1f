using System.Globalization;
using Collaboration.EventStore;
using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Running;

/// <summary>
/// Read models held in memory: what <see cref="ProjectionReplayer"/> fills to answer "what did the view look like as
/// of position N", and a complete <see cref="IViewStore"/> (generations, checkpoints, transactions that commit or
/// vanish) that closes the view-store contract like the durable stores. Instances that share one object share its
/// state, as processes share a database. Thread-safe; one write transaction at a time.
/// </summary>
public sealed partial class InMemoryViewStore : IViewStore
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim writeTurn = new(1, 1);
    private readonly Dictionary<(string Projection, long Generation, string Key), StoredView> documents = [];
    private readonly Dictionary<(string Projection, long Generation), SortedDictionary<long, StoredView>> feeds = [];
    private readonly Dictionary<(string Projection, long Generation), long> checkpoints = [];
    private readonly Dictionary<(string Projection, long Generation), long> changed = [];
    private readonly Dictionary<string, (long Generation, int CodeVersion)> active = new(StringComparer.Ordinal);

    /// <summary>The highest position applied by a replay.</summary>
    public long Position { get; internal set; }

    /// <summary>Every document and feed entry of the active generations, tombstones included, by view and key.</summary>
    public IReadOnlyCollection<StoredView> All
    {
        get
        {
            lock (gate)
            {
                return [.. ActiveDocuments().Concat(ActiveFeeds().SelectMany(f => f.Values))
                    .OrderBy(d => d.View, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>A typed document, or null.</summary>
    public T? Get<T>(string view, string key) where T : class =>
        Find(view, key) is { Json: { } json } ? ViewJson.Deserialize<T>(json) : null;

    public Task InitializeAsync(CancellationToken ct = default) => Task.CompletedTask;

    public Task<ProjectionGeneration> RegisterAsync(string projection, int codeVersion, CancellationToken ct = default)
    {
        lock (gate)
        {
            if (!active.ContainsKey(projection))
            {
                active[projection] = (1, codeVersion);
                checkpoints.TryAdd((projection, 1), 0);
            }

            return Task.FromResult(ActiveOf(projection));
        }
    }

    public Task<IReadOnlyList<ProjectionGeneration>> ReadActiveAsync(CancellationToken ct = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ProjectionGeneration>>([.. active.Keys.Select(ActiveOf)]);
        }
    }

    public Task<long?> ActiveCheckpointAsync(string projection, CancellationToken ct = default)
    {
        lock (gate)
        {
            return Task.FromResult(active.TryGetValue(projection, out var a) && checkpoints.TryGetValue((projection, a.Generation), out var position) ? position : (long?)null);
        }
    }

    public Task<long> CreateGenerationAsync(string projection, CancellationToken ct = default)
    {
        lock (gate)
        {
            var current = active.TryGetValue(projection, out var a) ? a.Generation : 0;
            var generations = checkpoints.Keys.Where(k => k.Projection == projection).Select(k => k.Generation).Append(current).ToList();
            foreach (var leftover in generations.Where(g => g != current).Distinct().ToList())
            {
                Drop(projection, leftover);
            }

            var generation = generations.Max() + 1;
            checkpoints[(projection, generation)] = 0;
            return Task.FromResult(generation);
        }
    }

    public Task DropGenerationAsync(string projection, long generation, CancellationToken ct = default)
    {
        lock (gate)
        {
            Drop(projection, generation);
        }

        return Task.CompletedTask;
    }

    public IViewDocumentReads OpenReads() => new Reads(this);

    public async Task<IViewTransaction> BeginAsync(CancellationToken ct = default)
    {
        await writeTurn.WaitAsync(ct);
        return new Transaction(this);
    }

    public Task<StoredView?> GetAsync(string view, string key, CancellationToken ct = default) =>
        Task.FromResult(Find(view, key) is { IsRemoved: false } found ? found : null);

    public Task<IReadOnlyList<StoredView>> ListAsync(string view, IReadOnlySet<string>? audiences, CancellationToken ct = default)
    {
        lock (gate)
        {
            var generation = GenerationOf(view);
            var listed = documents.Where(d => d.Key.Projection == view && d.Key.Generation == generation && !d.Value.IsRemoved)
                .Select(d => d.Value).OrderBy(d => d.Key, StringComparer.Ordinal)
                .Concat(FeedOf(view, generation).Values);
            return Task.FromResult<IReadOnlyList<StoredView>>([.. listed.Where(d => d.Scope.IsVisibleTo(audiences))]);
        }
    }

    public Task<IReadOnlyList<StoredView>> LatestAsync(string view, IReadOnlySet<string>? audiences, int limit, CancellationToken ct = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<StoredView>>([.. FeedOf(view, GenerationOf(view)).Values.Reverse()
                .Take(FeedLimits.MaxRowsScanned)
                .Where(d => d.Scope.IsVisibleTo(audiences))
                .Take(limit)]);
        }
    }

    public Task<StoredChanges> ChangedSinceAsync(long sincePosition, IReadOnlySet<string>? audiences, int maxRows, CancellationToken ct = default)
    {
        List<StoredView> rows;
        lock (gate)
        {
            // Feeds send only their newest entries: older activity is history, not news.
            var entries = ActiveFeeds().SelectMany(f => f.Values).OrderByDescending(e => e.Position).ToList();
            var floor = entries.Count >= FeedLimits.CatchUpLimit ? entries[FeedLimits.CatchUpLimit - 1].Position : 0;
            rows = [.. ActiveDocuments().Where(d => d.Position > sincePosition)
                .Concat(entries.Where(e => e.Position > sincePosition && e.Position >= floor))
                .OrderBy(d => d.Position).ThenBy(d => d.View, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal)];
        }

        return ChangePages.Cut(rows, sincePosition, audiences, maxRows);
    }

    internal Writer WriterFor(string view, Func<RecordedEvent?> current)
    {
        lock (gate)
        {
            active.TryAdd(view, (1, 0));
            return new Writer(this, view, active[view].Generation, current);
        }
    }

    private StoredView? Find(string view, string key)
    {
        lock (gate)
        {
            var generation = GenerationOf(view);
            if (documents.TryGetValue((view, generation, key), out var found))
            {
                return found;
            }

            // A feed entry's key is its position.
            return long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && FeedOf(view, generation).TryGetValue(position, out var entry)
                ? entry
                : null;
        }
    }

    private StoredDocument? Read(string projection, long generation, string key)
    {
        lock (gate)
        {
            return documents.TryGetValue((projection, generation, key), out var found) ? new StoredDocument(found.Json, found.Scope) : null;
        }
    }

    private ProjectionGeneration ActiveOf(string projection)
    {
        var (generation, codeVersion) = active[projection];
        return new ProjectionGeneration(projection, generation, codeVersion, checkpoints.GetValueOrDefault((projection, generation)), changed.GetValueOrDefault((projection, generation)));
    }

    private long GenerationOf(string view) => active.TryGetValue(view, out var a) ? a.Generation : 1;

    private IEnumerable<StoredView> ActiveDocuments() =>
        documents.Where(d => d.Key.Generation == GenerationOf(d.Key.Projection)).Select(d => d.Value);

    private IEnumerable<SortedDictionary<long, StoredView>> ActiveFeeds() =>
        feeds.Where(f => f.Key.Generation == GenerationOf(f.Key.Projection)).Select(f => f.Value);

    private SortedDictionary<long, StoredView> FeedOf(string view, long generation) =>
        feeds.TryGetValue((view, generation), out var feed) ? feed : [];

    private void Drop(string projection, long generation)
    {
        foreach (var key in documents.Keys.Where(k => k.Projection == projection && k.Generation == generation).ToList())
        {
            documents.Remove(key);
        }

        feeds.Remove((projection, generation));
        checkpoints.Remove((projection, generation));
        changed.Remove((projection, generation));
    }

    private void Put(string projection, long generation, string key, long position, ViewScope scope, string? json) =>
        documents[(projection, generation, key)] = new StoredView(projection, key, position, json, scope);

    private void AddToFeed(string projection, long generation, FeedEntry entry, ViewScope scope)
    {
        if (!feeds.TryGetValue((projection, generation), out var feed))
        {
            feeds[(projection, generation)] = feed = [];
        }

        feed[entry.Position] = new StoredView(projection, FeedEntry.KeyOf(entry.Position), entry.Position, ViewJson.Serialize(entry), scope);
    }
}
