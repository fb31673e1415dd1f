using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Collaboration.Projections.Running;

namespace Collaboration.Projections.Storage;

/// <summary>
/// The totals and tallies a store has counted, kept until the view's documents change again. A view's documents change
/// only in a transaction that also moves its projection's checkpoint and records it as the generation's last change (ADR
/// 0004, <see cref="ProjectionGeneration.Changed"/>), so a count made at (generation, changed) stays exact while both
/// stand — whichever process wrote them, and through the commits of other views (every batch moves every checkpoint:
/// keyed by the checkpoint, a talent-case count went stale with each commitment's report). Counting is the one part of a
/// page whose cost grows with the view; this keeps it to once per query shape and change. A tally walks the same documents (a
/// partner's portfolio tallied its 5,000 referred cases of a 100,000-case view in 30 ms, read again for the page's
/// prerender and again for its circuit) and is kept the same way. Writers that move no checkpoint (tools, tests) commit
/// through this store's <see cref="Track"/>ed transactions, which also turn every cached count and tally stale.
/// </summary>
public sealed class ViewCountCache
{
    private const int Capacity = 4096;
    private readonly ConcurrentDictionary<string, long> totals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewTally>>> tallies = new(StringComparer.Ordinal);
    private long commits;

    /// <summary>
    /// The cache key of a count, read before counting, or null when the view has no generation to tie it to (never cached).
    /// A commit between the key and the count leaves the count newer than its key, never older.
    /// </summary>
    public string? Key(string view, long? generation, long? changed, string countSql, IEnumerable<object> parameters) =>
        generation is not { } g || changed is not { } c
            ? null
            : string.Join('\u001f', [view, g.ToString(CultureInfo.InvariantCulture), c.ToString(CultureInfo.InvariantCulture),
                Interlocked.Read(ref commits).ToString(CultureInfo.InvariantCulture), countSql,
                .. parameters.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture) ?? "")]);

    /// <summary>
    /// The cache key of a tally by class, as <see cref="Key"/>: the statement, and what the statement alone does not say —
    /// the classes' names the result is keyed by and how the sums pair the fields it reads.
    /// </summary>
    public string? TallyKey(string view, long? generation, long? changed, string tallySql, IEnumerable<object> parameters, IReadOnlyList<ViewClass> classes, IReadOnlyList<ViewSum> sums)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(sums);
        return Key(view, generation, changed, string.Join('\u001e', [tallySql, .. classes.Select(c => c.Name), .. sums.Select(s => $"{s.Field}*{s.Times}")]), parameters);
    }

    public bool TryGetTally(string? key, [NotNullWhen(true)] out IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewTally>>? tally)
    {
        tally = null;
        return key is not null && tallies.TryGetValue(key, out tally);
    }

    /// <summary>Keeps a tally; callers share it, so it is never changed after this.</summary>
    public void SetTally(string? key, IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewTally>> tally)
    {
        if (key is null)
        {
            return;
        }

        if (tallies.Count >= Capacity)
        {
            tallies.Clear();
        }

        tallies[key] = tally;
    }

    /// <summary>The store's transaction, which on commit makes every count and tally cached so far stale.</summary>
    public IViewTransaction Track(IViewTransaction transaction) => new Tracked(transaction, this);

    public bool TryGet(string? key, out long total)
    {
        total = 0;
        return key is not null && totals.TryGetValue(key, out total);
    }

    public void Set(string? key, long total)
    {
        if (key is null)
        {
            return;
        }

        // Keys of passed changes are never asked for again; dropping everything now and then bounds the memory.
        if (totals.Count >= Capacity)
        {
            totals.Clear();
        }

        totals[key] = total;
    }

    private sealed class Tracked(IViewTransaction inner, ViewCountCache cache) : IViewTransaction
    {
        public ValueTask<StoredDocument?> ReadAsync(string projection, long generation, string key, CancellationToken ct) => inner.ReadAsync(projection, generation, key, ct);

        public void Write(string projection, long generation, string key, long position, ViewScope scope, string? json) => inner.Write(projection, generation, key, position, scope, json);

        public void Write(string projection, long generation, string key, long position, ViewScope scope, byte[]? utf8Json) => inner.Write(projection, generation, key, position, scope, utf8Json);

        public void AddToFeed(string projection, long generation, FeedEntry entry, ViewScope scope) => inner.AddToFeed(projection, generation, entry, scope);

        public void WriteCheckpoint(string projection, long generation, long position) => inner.WriteCheckpoint(projection, generation, position);

        public void Activate(string projection, long generation, int codeVersion) => inner.Activate(projection, generation, codeVersion);

        public async Task CommitAsync(CancellationToken ct)
        {
            await inner.CommitAsync(ct);
            Interlocked.Increment(ref cache.commits);
        }

        public Task RollbackAsync(CancellationToken ct) => inner.RollbackAsync(ct);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
