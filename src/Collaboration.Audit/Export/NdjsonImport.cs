using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Collaboration.EventStore;

namespace Collaboration.Audit.Export;

/// <summary>
/// Loads an NDJSON export of a whole log (from position 1, or continuing exactly where the target ends) into a store,
/// keeping every event's id, stream, bytes and timestamp, and checks that each recomputed hash equals the exported one —
/// so an export is proven complete and faithful by round-tripping it. The target must stamp events with
/// <see cref="ReplayClock"/>, which plays back the exported timestamps.
/// </summary>
public static class NdjsonImport
{
    public static async Task<ImportResult> ImportAsync(
        Stream input, IEventStore target, ReplayClock clock, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(clock);
        using var reader = new StreamReader(input);
        var expectedPosition = await target.ReadHeadPositionAsync(ct) + 1;
        var batch = new List<ExportedEvent>();
        long imported = 0;
        long? mismatch = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var e = Parse(line);
            if (e.Position != expectedPosition + batch.Count)
            {
                throw new InvalidDataException($"The export jumps to position {e.Position} where {expectedPosition + batch.Count} was expected: only an unfiltered export continuing the target can be imported.");
            }

            if (batch.Count > 0 && (batch[0].Stream != e.Stream || batch[0].Timestamp != e.Timestamp))
            {
                mismatch ??= await AppendAsync(target, clock, batch, ct);
                imported += batch.Count;
                expectedPosition += batch.Count;
                batch.Clear();
                progress?.Report(expectedPosition - 1);
            }

            batch.Add(e);
        }

        if (batch.Count > 0)
        {
            mismatch ??= await AppendAsync(target, clock, batch, ct);
            imported += batch.Count;
        }

        return new ImportResult(imported, mismatch is null, mismatch);
    }

    /// <summary>Appends one original append's events; returns the first position whose new hash differs from the exported one.</summary>
    private static async Task<long?> AppendAsync(IEventStore target, ReplayClock clock, List<ExportedEvent> batch, CancellationToken ct)
    {
        clock.Now = batch[0].Timestamp;
        var first = batch[0];
        var expected = first.Revision == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly(first.Revision - 1);
        var events = batch.Select(b => new EventToAppend(b.EventId, b.Type, b.Data, EventMetadata.FromUtf8Json(b.Metadata))).ToArray();
        if (await target.AppendAsync(first.Stream, expected, events, ct) is not AppendResult.Appended appended || appended.FirstPosition != first.Position)
        {
            throw new InvalidDataException($"Position {first.Position} could not be imported at the same place in the target log.");
        }

        var i = 0;
        await foreach (var stored in target.ReadAllAsync(first.Position, batch.Count, ct))
        {
            if (!string.Equals(Convert.ToHexStringLower(stored.Hash.Span), batch[i].Hash, StringComparison.OrdinalIgnoreCase))
            {
                return stored.Position;
            }

            i++;
        }

        return null;
    }

    private static ExportedEvent Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return new ExportedEvent(
            root.GetProperty("position").GetInt64(),
            root.GetProperty("eventId").GetGuid(),
            root.GetProperty("stream").GetString()!,
            root.GetProperty("revision").GetInt64(),
            root.GetProperty("type").GetString()!,
            DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            JsonMarshal.GetRawUtf8Value(root.GetProperty("data")).ToArray(),
            JsonMarshal.GetRawUtf8Value(root.GetProperty("metadata")).ToArray(),
            root.GetProperty("hash").GetString()!);
    }

    private sealed record ExportedEvent(long Position, Guid EventId, string Stream, long Revision, string Type, DateTimeOffset Timestamp, byte[] Data, byte[] Metadata, string Hash);
}
