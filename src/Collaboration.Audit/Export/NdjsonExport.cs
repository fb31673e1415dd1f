using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Collaboration.EventStore;

namespace Collaboration.Audit.Export;

/// <summary>
/// The log as NDJSON, one event per line with its stored bytes untouched (<c>data</c> and <c>metadata</c> are the exact
/// stored JSON, so sealed personal details stay sealed) and its chain hash:
/// <c>{"position":1,"eventId":"…","stream":"…","revision":0,"type":"…","timestamp":"…","data":{…},"metadata":{…},"hash":"…"}</c>.
/// Resumable: a client that lost the connection continues from the last position it received + 1.
/// </summary>
public static class NdjsonExport
{
    public const string ContentType = "application/x-ndjson";

    private const int FlushEvery = 256;

    public static async Task<long> WriteAsync(Stream output, IAsyncEnumerable<RecordedEvent> events, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        var written = 0L;
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false });
        await foreach (var e in events.WithCancellation(ct))
        {
            writer.Reset(buffer);
            WriteLine(writer, e);
            await writer.FlushAsync(ct);
            buffer.Write("\n"u8);
            written++;
            if (written % FlushEvery == 0)
            {
                await output.WriteAsync(buffer.WrittenMemory, ct);
                buffer.Clear();
                progress?.Report(e.Position);
            }
        }

        await output.WriteAsync(buffer.WrittenMemory, ct);
        await output.FlushAsync(ct);
        return written;
    }

    private static void WriteLine(Utf8JsonWriter writer, RecordedEvent e)
    {
        writer.WriteStartObject();
        writer.WriteNumber("position", e.Position);
        writer.WriteString("eventId", e.EventId);
        writer.WriteString("stream", e.Stream);
        writer.WriteNumber("revision", e.Revision);
        writer.WriteString("type", e.Type);
        writer.WriteString("timestamp", e.Timestamp.ToString("O", CultureInfo.InvariantCulture));
        writer.WritePropertyName("data");
        writer.WriteRawValue(e.Data.Span, skipInputValidation: true);
        writer.WritePropertyName("metadata");
        writer.WriteRawValue(e.MetadataJson.Span, skipInputValidation: true);
        writer.WriteString("hash", Convert.ToHexStringLower(e.Hash.Span));
        writer.WriteEndObject();
    }
}
