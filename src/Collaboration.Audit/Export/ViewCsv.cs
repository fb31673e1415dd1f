using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Projections.Running;

namespace Collaboration.Audit.Export;

/// <summary>
/// A read model as CSV: one row per document, columns <c>key</c>, <c>position</c>, then the document's properties
/// with nested objects flattened to dotted names (<c>title.zh</c>, <c>title.en</c>) and arrays kept as JSON in one
/// cell, so every document fits one row whatever its shape.
/// </summary>
public static class ViewCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Writes the header and one row per document, flushing as it goes; returns the number of rows.</summary>
    public static async Task<long> WriteAsync(Stream output, IReadOnlyList<StoredView> documents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var rows = documents.Where(d => !d.IsRemoved).Select(d => (d.Key, d.Position, Cells: Flatten(JsonNode.Parse(d.Json!)))).ToList();
        var columns = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in rows.SelectMany(r => r.Cells.Keys))
        {
            if (known.Add(name))
            {
                columns.Add(name);
            }
        }

        // The byte-order mark makes spreadsheet programs read the Chinese text as UTF-8.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', new[] { "key", "position" }.Concat(columns).Select(CsvCell.Text)));
        var written = 0L;
        foreach (var (key, position, cells) in rows)
        {
            ct.ThrowIfCancellationRequested();
            var line = new[] { CsvCell.Text(key), CsvCell.Number(position) }
                .Concat(columns.Select(c => cells.TryGetValue(c, out var value) ? value : string.Empty));
            await writer.WriteLineAsync(string.Join(',', line));
            if (++written % 500 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
        return written;
    }

    /// <summary>The document's cells, each already written as CSV.</summary>
    private static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        Visit(node, string.Empty, cells);
        return cells;
    }

    private static void Visit(JsonNode? node, string path, Dictionary<string, string> cells)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    Visit(child, path.Length == 0 ? name : $"{path}.{name}", cells);
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                cells[path] = CsvCell.Text(v.GetValue<string>());
                break;
            case JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                // A JSON number's text is a number and nothing else (no letters, no operators after the sign), so a
                // negative one stays a number the spreadsheet can sum; see CsvCell.Number.
                cells[path] = node.ToJsonString();
                break;
            case null:
                cells[path] = string.Empty;
                break;
            default:
                cells[path] = CsvCell.Text(node.ToJsonString());
                break;
        }
    }
}
