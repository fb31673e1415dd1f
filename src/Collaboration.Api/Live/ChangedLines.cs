using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Collaboration.Api.Live;

/// <summary>
/// For documents that are mostly a list of lines (a memorandum's progress: its header and every commitment under it),
/// the last version pushed of each, so that the next push can carry the header and only the lines that changed since
/// (<see cref="IStatusClient.ViewLinesChanged"/>) instead of the whole document to every connection. A line is an item
/// of <see cref="LinesProperty"/> identified by its <c>commitment.id</c>, and is always sent whole.
/// </summary>
public sealed class ChangedLines
{
    /// <summary>The array of a lined document whose items a lines push carries only when they changed.</summary>
    public const string LinesProperty = "commitments";

    // A district has a handful of memoranda; when full (a rebuild, tests), it starts again and the next push of each is whole.
    private const int Capacity = 256;

    private readonly Dictionary<(string View, string Key), (long Position, JsonElement Document)> last = [];
    private readonly Lock gate = new();

    /// <summary>Whether pushes of <paramref name="view"/>'s documents may carry only their changed lines.</summary>
    public static bool HasLines(string view) => string.Equals(view, ViewNames.MemorandumProgress, StringComparison.Ordinal);

    /// <summary>
    /// Records <paramref name="change"/> as the last pushed version of its document and returns that document with only
    /// the lines that differ from the previous version's (every other field whole), as JSON text; null when the whole
    /// document must be pushed: not a lined view, no previous version known, a version older than the last one pushed (a
    /// projection retried), a line gone, or every line changed.
    /// </summary>
    public string? Since(ViewChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!HasLines(change.View))
        {
            return null;
        }

        var key = (change.View, change.Key);
        JsonElement previous;
        lock (gate)
        {
            if (change.Removed)
            {
                last.Remove(key);
                return null;
            }

            if (last.TryGetValue(key, out var known) && known.Position >= change.Position)
            {
                // The newest version stays the base: clients that hold it ignore this older one (last position wins).
                return null;
            }

            if (last.Count >= Capacity && !last.ContainsKey(key))
            {
                last.Clear();
            }

            last[key] = (change.Position, change.Data);
            previous = known.Document;
        }

        return previous.ValueKind == JsonValueKind.Object ? Partial(previous, change.Data) : null;
    }

    private static string? Partial(JsonElement before, JsonElement after)
    {
        if (after.ValueKind != JsonValueKind.Object
            || !before.TryGetProperty(LinesProperty, out var oldLines) || oldLines.ValueKind != JsonValueKind.Array
            || !after.TryGetProperty(LinesProperty, out var newLines) || newLines.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var earlier = new Dictionary<string, JsonElement>(oldLines.GetArrayLength(), StringComparer.Ordinal);
        foreach (var line in oldLines.EnumerateArray())
        {
            if (IdOf(line) is not { } id || !earlier.TryAdd(id, line))
            {
                return null;
            }
        }

        var changed = new List<JsonElement>();
        var kept = 0;
        foreach (var line in newLines.EnumerateArray())
        {
            if (IdOf(line) is not { } id)
            {
                return null;
            }

            if (earlier.TryGetValue(id, out var old))
            {
                kept++;
                if (JsonMarshal.GetRawUtf8Value(old).SequenceEqual(JsonMarshal.GetRawUtf8Value(line)))
                {
                    continue;
                }
            }

            changed.Add(line);
        }

        // A line that went away cannot be said by listing changed lines; when every line changed the whole is no larger.
        if (kept != earlier.Count || (changed.Count == newLines.GetArrayLength() && changed.Count > 0))
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in after.EnumerateObject())
            {
                if (property.NameEquals(LinesProperty))
                {
                    writer.WriteStartArray(LinesProperty);
                    foreach (var line in changed)
                    {
                        line.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string? IdOf(JsonElement line) =>
        line.ValueKind == JsonValueKind.Object && line.TryGetProperty("commitment", out var commitment)
        && commitment.ValueKind == JsonValueKind.Object && commitment.TryGetProperty("id", out var id)
            ? id.GetRawText()
            : null;
}
