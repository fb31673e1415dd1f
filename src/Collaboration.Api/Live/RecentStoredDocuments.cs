using System.Collections.Concurrent;
using Collaboration.Projections.Running;

namespace Collaboration.Api.Live;

/// <summary>
/// The stored documents of a few views that are read far more often than they change (a memorandum's progress), read from
/// the view store once and handed out again until this node hears that the document changed or <see cref="Freshness"/>
/// passed. Skipping the store read was most of what was left of such a read (ADR 0028, amendment of 2026-12-05).
/// <para>
/// What is kept is the stored document as the projection wrote it, before the visibility policy: every reader's admission
/// and redaction still run on each request, so one caller can never be handed what the policy decided for another.
/// </para>
/// <para>
/// A change is heard from <see cref="ViewChangeFeed"/> before it is pushed or any waiter of the projection runner is
/// released, so a client that saw the push, or a caller that waited for its write's position, reads the new document.
/// Each change moves the document's version; an entry is served only while the version it was read at is current, so a
/// store read racing a change is never kept past it. <see cref="Freshness"/> bounds what this node is not told about: a
/// rebuild's generation swap, another process writing the store, a follower's relay between polls.
/// </para>
/// </summary>
public sealed class RecentStoredDocuments(TimeProvider time)
{
    /// <summary>How long a document is handed out again without a change heard; then it is read from the store again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMilliseconds(500);

    // A district has a handful of memoranda; the bound only keeps unknown keys from growing the maps.
    private const int Capacity = 1_024;

    /// <summary>The views whose documents are kept; every other read goes straight to the store.</summary>
    public static IReadOnlySet<string> Views { get; } = new HashSet<string>(StringComparer.Ordinal) { ViewNames.MemorandumProgress };

    private readonly ConcurrentDictionary<(string View, string Key), long> versions = new();
    private readonly ConcurrentDictionary<(string View, string Key), Entry> entries = new();
    private readonly ConcurrentDictionary<string, long> heard = new(StringComparer.Ordinal);
    private long lastVersion;
    private long epoch;

    /// <summary>
    /// The stored document, from memory while it is known not to have changed, else read through <paramref name="reader"/>
    /// (a parameter, not a dependency: the feed that tells this of changes is itself a dependency of the store's runner).
    /// </summary>
    public async Task<StoredView?> GetAsync(IViewReader reader, string view, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(key);
        if (!Views.Contains(view))
        {
            return await reader.GetAsync(view, key, ct);
        }

        // Epoch and version before the read: a change heard from here on leaves this entry behind.
        var id = (view, key);
        var readIn = Volatile.Read(ref epoch);
        var version = versions.GetValueOrDefault(id);
        var now = time.GetTimestamp();
        if (entries.TryGetValue(id, out var known) && known.Epoch == readIn && known.Version == version
            && time.GetElapsedTime(known.ReadAt, now) < Freshness)
        {
            return known.Stored;
        }

        var stored = await reader.GetAsync(view, key, ct);
        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }

        entries[id] = new Entry(stored, readIn, version, now);
        return stored;
    }

    /// <summary>
    /// Where this node's hearing of a view's changes stands: it moves with every change of the view heard (and with a new
    /// epoch). A figure derived from the view and kept with the mark read before it is current while the mark is the same
    /// — for at most <see cref="Freshness"/>, which bounds what this node is not told about.
    /// </summary>
    public (long Epoch, long Heard) MarkOf(string view) => (Volatile.Read(ref epoch), heard.GetValueOrDefault(view));

    /// <summary>Documents committed since they were read: called before the change is pushed or waiters are released.</summary>
    public void Changed(IReadOnlyList<StoredView> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            heard.AddOrUpdate(change.View, 1, static (_, n) => n + 1);
            if (!Views.Contains(change.View))
            {
                continue;
            }

            if (versions.Count >= Capacity)
            {
                // Versions start again from nothing: the new epoch leaves every entry read before it behind.
                Interlocked.Increment(ref epoch);
                versions.Clear();
                entries.Clear();
            }

            var id = (change.View, change.Key);
            versions[id] = Interlocked.Increment(ref lastVersion);
            entries.TryRemove(id, out _);
        }
    }

    private sealed record Entry(StoredView? Stored, long Epoch, long Version, long ReadAt);
}
