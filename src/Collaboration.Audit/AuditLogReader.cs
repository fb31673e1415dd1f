using System.Runtime.CompilerServices;
using Collaboration.Audit.Visibility;
using Collaboration.EventStore;

namespace Collaboration.Audit;

/// <summary>
/// Streams the log through a filter and a scope without holding more than one store page: the global log, or one
/// stream's index when the filter names a stream.
/// </summary>
public sealed class AuditLogReader(IEventStore store, EventSerializer serializer)
{
    /// <summary>Events scanned per page request at most, so a sparse filter answers with a cursor instead of reading the whole log.</summary>
    public const int DefaultScanBudget = 50_000;

    public async IAsyncEnumerable<(RecordedEvent Event, bool Visible)> ScanAsync(
        AuditLogFilter filter, VisibilityScope scope, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var from = filter.FromPosition ?? 1;
        var source = filter.Stream is { } stream
            ? store.ReadStreamAsync(stream, ct: ct)
            : store.ReadAllAsync(from, ct: ct);
        await foreach (var e in source)
        {
            if (e.Position < from)
            {
                continue;
            }

            if (filter.ToPosition is { } to && e.Position > to)
            {
                yield break;
            }

            yield return (e, filter.Matches(e) && await scope.CanSeeAsync(e.Stream, ct));
        }
    }

    /// <summary>
    /// The stored events the filter selects and the scope admits, as they are (for the NDJSON export, which writes the
    /// stored bytes): the one way the API and the CLI read the raw log for a viewer.
    /// </summary>
    public async IAsyncEnumerable<RecordedEvent> ReadVisibleAsync(AuditLogFilter filter, VisibilityScope scope, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var (e, visible) in ScanAsync(filter, scope, ct))
        {
            if (visible)
            {
                yield return e;
            }
        }
    }

    public async IAsyncEnumerable<AuditEntry> ReadAsync(AuditLogFilter filter, VisibilityScope scope, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var (e, visible) in ScanAsync(filter, scope, ct))
        {
            if (visible)
            {
                yield return await scope.ShowAsync(ToEntry(e), ct);
            }
        }
    }

    public async Task<AuditPage> ReadPageAsync(AuditLogFilter filter, VisibilityScope scope, int limit, int scanBudget = DefaultScanBudget, CancellationToken ct = default)
    {
        var entries = new List<AuditEntry>(Math.Min(limit, 256));
        long scannedTo = (filter.FromPosition ?? 1) - 1;
        var scanned = 0;
        await foreach (var (e, visible) in ScanAsync(filter, scope, ct))
        {
            if (entries.Count == limit || scanned == scanBudget)
            {
                return new AuditPage(entries, e.Position, scannedTo);
            }

            scanned++;
            scannedTo = e.Position;
            if (visible)
            {
                entries.Add(await scope.ShowAsync(ToEntry(e), ct));
            }
        }

        return new AuditPage(entries, null, scannedTo);
    }

    public AuditEntry ToEntry(RecordedEvent e)
    {
        var decoded = serializer.Deserialize(e);
        var data = decoded is UnknownEvent unknown
            ? unknown.Data.ValueKind == System.Text.Json.JsonValueKind.Undefined ? null : System.Text.Json.Nodes.JsonNode.Parse(unknown.Data.GetRawText())
            : AuditJson.ToNode(decoded, withKind: false);
        return new AuditEntry(e.Position, e.EventId, e.Stream, e.Revision, e.Type, e.Timestamp, e.Metadata, Convert.ToHexStringLower(e.Hash.Span), data);
    }
}
