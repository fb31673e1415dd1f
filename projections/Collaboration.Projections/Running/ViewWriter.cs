using Collaboration.EventStore;
using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Running;

/// <summary>
/// Writes one projection generation's documents. A writer lives as long as its projection's pass over the log; per
/// batch it writes through that batch's <see cref="IViewTransaction"/>, whatever stores it. Documents touched in a batch are kept as
/// objects (or as deferred builds and patches) until <see cref="FlushAsync"/>, so a document that changes on every event
/// is built and serialised once per batch; documents a projection reads back or patches stay held as objects between
/// batches (up to <see cref="HeldDocuments"/>) instead of being parsed from storage again.
/// </summary>
/// <remarks>
/// <see cref="WriteBehind"/> is for a generation nobody reads yet (a rebuild): held documents are then written only
/// when the held set overflows or at <see cref="WriteAllHeldAsync"/>, once the rebuild has caught up. A memorandum's
/// progress changes in nearly every batch of a rebuild; writing it once instead of every batch is the difference
/// between writing the read models once and writing them hundreds of times. An interrupted rebuild generation is
/// never resumed (the next rebuild drops it and starts from 0), so its checkpoint may run ahead of what was written.
/// </remarks>
internal sealed class ViewWriter(string projection, long generation) : IViewWriter
{
    /// <summary>How many held documents stay in memory between batches.</summary>
    public const int HeldDocuments = 4_096;

    private const string WholeDocument = "";

    private readonly Dictionary<string, Entry> pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> held = new(StringComparer.Ordinal);
    private readonly List<StoredView> changed = [];
    private readonly List<(RecordedEvent Event, ViewScope Scope)> feed = [];
    private IStoredDocuments? reads;
    private IViewTransaction? transaction;

    /// <summary>The event being applied; every document written records its position.</summary>
    public RecordedEvent? Event { get; set; }

    private long Position => Event?.Position ?? 0;

    /// <summary>Hold documents in memory until they overflow or <see cref="WriteAllHeldAsync"/> (see remarks).</summary>
    public bool WriteBehind { get; set; }

    /// <summary>Documents written since the batch began, for the live push (a write-behind rebuild keeps none).</summary>
    public IReadOnlyList<StoredView> Changed => changed;

    /// <summary>How many documents and feed entries the batch wrote.</summary>
    public int Written { get; private set; }

    /// <summary>Whether the batch has anything to write: changed documents or feed entries.</summary>
    public bool HasWork => feed.Count > 0 || pending.Values.Any(e => e.Dirty);

    /// <summary>Starts a batch: documents not held are read from <paramref name="stored"/> while the batch is applied.</summary>
    public void Begin(IStoredDocuments stored)
    {
        reads = stored;
        transaction = stored as IViewTransaction;
        pending.Clear();
        feed.Clear();
        changed.Clear();
        Written = 0;
    }

    /// <summary>The batch's write transaction has begun: <see cref="FlushAsync"/> writes through it.</summary>
    public void Writing(IViewTransaction batch) => transaction = batch;

    public async ValueTask<T?> GetAsync<T>(string key, CancellationToken ct) where T : class
    {
        var entry = Touch(key, typeof(T));
        entry.Held = true;
        await MaterialiseAsync(key, entry, ct);
        return entry.Value switch
        {
            null => null,
            T typed => typed,
            var other => ViewJson.Deserialize<T>(ViewJson.Serialize(other, other.GetType())),
        };
    }

    public ValueTask PutAsync<T>(string key, T document, ViewScope scope, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(document);
        var entry = Touch(key, typeof(T));
        entry.Patches?.Clear();
        entry.Value = document;
        entry.Loaded = true;
        entry.Scope = scope;
        MarkChanged(entry);
        return ValueTask.CompletedTask;
    }

    public ValueTask PutDeferredAsync<T>(string key, Func<T> build, Func<T, ViewScope> scope, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        var entry = Touch(key, typeof(T));
        entry.Patches?.Clear();
        // The build replaces the whole document, so there is nothing to load first.
        entry.Loaded = true;
        entry.Value = null;
        AddPatch(entry, WholeDocument, _ => build(), scope);
        return ValueTask.CompletedTask;
    }

    public ValueTask PatchAsync<T>(string key, string part, Func<T?, T> change, Func<T, ViewScope> scope, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(change);
        var entry = Touch(key, typeof(T));
        entry.Held = true;
        AddPatch(entry, part, document => change((T?)document), scope);
        return ValueTask.CompletedTask;
    }

    public ValueTask AddToFeedAsync(ViewScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        feed.Add((Event ?? throw new InvalidOperationException("No event is being applied."), scope));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DeleteAsync(string key, CancellationToken ct)
    {
        var entry = Touch(key, null);
        var exists = entry.Dirty || entry.Value is not null;
        if (!entry.Loaded)
        {
            if (await Stored.ReadAsync(projection, generation, key, ct) is { } stored)
            {
                exists |= stored.Json is not null;
                entry.Scope ??= stored.Scope;
            }

            entry.Loaded = true;
        }

        if (exists)
        {
            entry.Patches?.Clear();
            entry.Value = null;
            entry.Scope ??= ViewScope.OfficeOnly;
            MarkChanged(entry);
        }
    }

    /// <summary>
    /// Writes the batch's changed documents into its transaction (held ones only when not writing behind, or when
    /// the held set overflows) and keeps held documents for the next batches; call before the checkpoint.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        foreach (var (key, entry) in pending)
        {
            if (entry.Dirty && !(WriteBehind && entry.Held))
            {
                await WriteAsync(key, entry, ct);
            }

            if (entry.Held)
            {
                held[key] = entry;
            }
        }

        pending.Clear();
        foreach (var (recorded, scope) in feed)
        {
            var entry = FeedEntry.Of(recorded);
            Transaction.AddToFeed(projection, generation, entry, scope);
            Written++;
            if (!WriteBehind)
            {
                // Only live entries are pushed; a rebuild's are read from the store when asked for.
                changed.Add(new StoredView(projection, FeedEntry.KeyOf(recorded.Position), recorded.Position, ViewJson.Serialize(entry), scope));
            }
        }

        feed.Clear();
        if (held.Count > HeldDocuments)
        {
            await WriteAllHeldAsync(ct);
            held.Clear();
        }
    }

    /// <summary>Writes every held document not written yet (the end of a write-behind rebuild).</summary>
    public async Task WriteAllHeldAsync(CancellationToken ct)
    {
        var dirty = held.Where(h => h.Value.Dirty).ToList();
        foreach (var (key, entry) in dirty)
        {
            await LoadBaseAsync(key, entry, ct);
        }

        // Applying the pending patches and serialising is pure work on immutable states, and at the end of a rebuild
        // it is most of the work (every memorandum's progress, each with all its commitments): use every core.
        var utf8 = new byte[]?[dirty.Count];
        var text = new string?[dirty.Count];
        Parallel.For(0, dirty.Count, i =>
        {
            var entry = dirty[i].Value;
            ApplyPatches(entry);
            if (entry.Value is { } value)
            {
                // Written behind, straight to UTF-8; held documents overflowing in a live batch are also pushed, as text.
                if (WriteBehind)
                {
                    utf8[i] = ViewJson.SerializeToUtf8(value);
                }
                else
                {
                    text[i] = ViewJson.Serialize(value, value.GetType());
                }
            }
        });
        for (var i = 0; i < dirty.Count; i++)
        {
            if (WriteBehind)
            {
                Write(dirty[i].Key, dirty[i].Value, utf8[i]);
            }
            else
            {
                Write(dirty[i].Key, dirty[i].Value, text[i]);
            }
        }
    }

    /// <summary>The batch committed (or rolled back because it wrote nothing).</summary>
    public void Completed()
    {
        transaction = null;
        reads = null;
    }

    /// <summary>The batch rolled back or failed: nothing of it, nor anything held, may be trusted any more.</summary>
    public void Abandoned()
    {
        pending.Clear();
        feed.Clear();
        held.Clear();
        changed.Clear();
        transaction = null;
        reads = null;
    }

    private Entry Touch(string key, Type? type)
    {
        if (!pending.TryGetValue(key, out var entry))
        {
            if (!held.TryGetValue(key, out entry))
            {
                entry = new Entry();
            }

            pending[key] = entry;
        }

        entry.Type ??= type;
        return entry;
    }

    private void MarkChanged(Entry entry)
    {
        entry.Dirty = true;
        entry.Position = Position;
    }

    private void AddPatch<T>(Entry entry, string part, Func<object?, T> change, Func<T, ViewScope> scope) where T : class
    {
        ArgumentNullException.ThrowIfNull(scope);
        entry.Patches ??= new Dictionary<string, Func<object?, object>>(StringComparer.Ordinal);
        entry.Patches[part] = change;
        if (!ReferenceEquals(entry.ScopeSource, scope))
        {
            // Projections pass the same (static) scope function for every event of a document: wrap it once.
            entry.ScopeSource = scope;
            entry.ScopeOf = document => scope((T)document);
        }

        MarkChanged(entry);
    }

    /// <summary>Brings <paramref name="entry"/> to the document it stands for: loads its stored base if needed, applies pending patches.</summary>
    private async ValueTask MaterialiseAsync(string key, Entry entry, CancellationToken ct)
    {
        await LoadBaseAsync(key, entry, ct);
        ApplyPatches(entry);
    }

    private async ValueTask LoadBaseAsync(string key, Entry entry, CancellationToken ct)
    {
        if (!entry.Loaded)
        {
            if (await Stored.ReadAsync(projection, generation, key, ct) is { } stored)
            {
                entry.Value = stored.Json is { } json && entry.Type is { } type ? ViewJson.Deserialize(json, type) : null;
                entry.Scope = stored.Scope;
            }

            entry.Loaded = true;
        }
    }

    private static void ApplyPatches(Entry entry)
    {
        if (entry.Patches is { Count: > 0 } patches)
        {
            foreach (var change in patches.Values)
            {
                entry.Value = change(entry.Value);
            }

            patches.Clear();
            entry.Scope = entry.ScopeOf!(entry.Value!);
        }
    }

    private async ValueTask WriteAsync(string key, Entry entry, CancellationToken ct)
    {
        if (WriteBehind && Transaction is WriteBehindBatch behind)
        {
            // Committed on another task: the document is built and serialised there (or by a read that needs it
            // first). The entry is not held, so nothing touches it after this batch.
            await LoadBaseAsync(key, entry, ct);
            behind.WriteDeferred(projection, generation, key, entry.Position, () =>
            {
                ApplyPatches(entry);
                return (entry.Scope ?? ViewScope.OfficeOnly, entry.Value);
            });
            Written++;
            entry.Dirty = false;
            return;
        }

        await MaterialiseAsync(key, entry, ct);
        if (WriteBehind)
        {
            // Nobody is pushed a rebuild's documents: straight to UTF-8, no string, no stored-view copy.
            Write(key, entry, entry.Value is { } document ? ViewJson.SerializeToUtf8(document) : null);
        }
        else
        {
            Write(key, entry, entry.Value is { } value ? ViewJson.Serialize(value, value.GetType()) : null);
        }
    }

    private void Write(string key, Entry entry, string? json)
    {
        var scope = entry.Scope ?? ViewScope.OfficeOnly;
        Transaction.Write(projection, generation, key, entry.Position, scope, json);
        changed.Add(new StoredView(projection, key, entry.Position, json, scope));
        Written++;
        entry.Dirty = false;
    }

    private void Write(string key, Entry entry, byte[]? json)
    {
        Transaction.Write(projection, generation, key, entry.Position, entry.Scope ?? ViewScope.OfficeOnly, json);
        Written++;
        entry.Dirty = false;
    }

    private IViewTransaction Transaction => transaction ?? throw new InvalidOperationException("The writer writes only inside a batch's transaction.");

    private IStoredDocuments Stored => (IStoredDocuments?)transaction ?? reads ?? throw new InvalidOperationException("The writer is used outside a batch.");

    /// <summary>One document as the projection left it.</summary>
    private sealed class Entry
    {
        /// <summary>The document as far as known: storage's or a put's version with <see cref="Patches"/> still to apply; null when there is none.</summary>
        public object? Value { get; set; }

        /// <summary>False until the stored version was read (or a put made it irrelevant).</summary>
        public bool Loaded { get; set; }

        public Type? Type { get; set; }

        /// <summary>Pending changes by part, applied in <see cref="MaterialiseAsync"/>.</summary>
        public Dictionary<string, Func<object?, object>>? Patches { get; set; }

        public Func<object, ViewScope>? ScopeOf { get; set; }

        /// <summary>The projection's scope function that <see cref="ScopeOf"/> wraps.</summary>
        public Delegate? ScopeSource { get; set; }

        public ViewScope? Scope { get; set; }

        public long Position { get; set; }

        /// <summary>Changed since it was last written.</summary>
        public bool Dirty { get; set; }

        /// <summary>Read back or patched by the projection: worth keeping in memory between batches.</summary>
        public bool Held { get; set; }
    }
}
