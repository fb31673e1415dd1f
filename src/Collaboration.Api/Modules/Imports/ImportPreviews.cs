using System.Collections.Concurrent;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// Previews waiting for confirmation, in this process's memory: a preview is a dry run, so it is not a fact for the
/// log. Only the caller who uploaded may confirm; one lives <see cref="ImportLimits.PreviewLifetime"/> and at most
/// <see cref="ImportLimits.MaxPreviews"/> are held (the oldest goes first). With several tracker nodes, confirm on the
/// node that previewed (sticky sessions) or preview again — ADR 0020.
/// </summary>
public sealed class ImportPreviews(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, HeldPreview> _held = new();

    public ImportPreview Hold(string callerId, ImportPreview preview, IReadOnlyList<ImportSourceRow> rows)
    {
        Sweep();
        while (_held.Count >= ImportLimits.MaxPreviews && _held.Values.MinBy(h => h.Preview.ExpiresAt) is { } oldest)
        {
            _held.TryRemove(oldest.Preview.Preview, out _);
        }

        _held[preview.Preview] = new HeldPreview(callerId, preview, rows);
        return preview;
    }

    public HeldPreview? Find(Guid id, string callerId)
    {
        Sweep();
        return _held.TryGetValue(id, out var held) && held.CallerId == callerId ? held : null;
    }

    public void Forget(Guid id) => _held.TryRemove(id, out _);

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, held) in _held)
        {
            if (held.Preview.ExpiresAt <= now)
            {
                _held.TryRemove(id, out _);
            }
        }
    }
}

/// <summary>A preview and the rows it was made from, so a confirmation can plan them again against the log as it is then.</summary>
public sealed record HeldPreview(string CallerId, ImportPreview Preview, IReadOnlyList<ImportSourceRow> Rows);
