using System.Text.Json;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// The documents one reactor batch read and changed. Reads go to the committed documents (only the reactor writes
/// them); every change is held until <see cref="CommitAsync"/> writes them with the checkpoint in one transaction.
/// <see cref="Pages"/> pages the committed documents; a page's rows are read again through <see cref="GetAsync{T}"/> for
/// this batch's own version of them.
/// </summary>
internal sealed class ReactorBatch(IViewDocumentReads reads, IViewReader pages, IReadOnlyDictionary<string, long> generations) : IAsyncDisposable
{
    private readonly Dictionary<(string View, string Key), object?> documents = [];
    private readonly HashSet<(string View, string Key)> dirty = [];
    private readonly Dictionary<string, object> states = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object> States => states;

    public bool HasChanges => dirty.Count > 0;

    public IViewReader Pages => pages;

    public IEnumerable<(string Key, InboxCount Count)> ChangedInboxes => Changed<InboxCount>(NotificationViews.InboxCounts);

    public IEnumerable<OutboxEntry> NewOutboxEntries =>
        dirty.Where(d => d.View == NotificationViews.Outbox).Select(d => (OutboxEntry)documents[d]!);

    /// <summary>The documents of <paramref name="view"/> this batch wrote (not those it removed).</summary>
    public IEnumerable<(string Key, T Document)> Changed<T>(string view)
        where T : class =>
        dirty.Where(d => d.View == view && documents[d] is not null).Select(d => (d.Key, (T)documents[d]!));

    public async ValueTask<T?> GetAsync<T>(string view, string key, CancellationToken ct)
        where T : class
    {
        if (documents.TryGetValue((view, key), out var known))
        {
            return (T?)known;
        }

        var stored = await reads.ReadAsync(view, generations[view], key, ct);
        var document = stored?.Json is { } json ? JsonSerializer.Deserialize<T>(json, NotificationJson.Options) : null;
        documents[(view, key)] = document;
        return document;
    }

    public void Put<T>(string view, string key, T document)
        where T : class
    {
        documents[(view, key)] = document;
        dirty.Add((view, key));
    }

    /// <summary>Removes a document: a tombstone in the view store, null to later reads of this batch.</summary>
    public void Remove(string view, string key)
    {
        documents[(view, key)] = null;
        dirty.Add((view, key));
    }

    public void RememberState(string stream, object state) => states[stream] = state;

    public void ForgetState(string stream) => states.Remove(stream);

    /// <summary>Writes every changed document and every view's checkpoint at <paramref name="position"/>, or nothing.</summary>
    public async Task CommitAsync(IViewStore views, long position, Func<long, bool>? crashBeforeCommit, CancellationToken ct)
    {
        await using var transaction = await views.BeginAsync(ct);
        foreach (var (view, key) in dirty)
        {
            var json = documents[(view, key)] is { } document ? JsonSerializer.Serialize(document, document.GetType(), NotificationJson.Options) : null;
            transaction.Write(view, generations[view], key, position, ViewScope.OfficeOnly, json);
        }

        foreach (var (view, generation) in generations)
        {
            transaction.WriteCheckpoint(view, generation, position);
        }

        if (crashBeforeCommit?.Invoke(position) == true)
        {
            throw new InvalidOperationException($"Simulated crash before the notification checkpoint at {position}.");
        }

        await transaction.CommitAsync(ct);
    }

    public ValueTask DisposeAsync() => reads.DisposeAsync();
}
