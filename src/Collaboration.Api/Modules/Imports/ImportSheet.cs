using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// Turns an uploaded file into data rows keyed by column: .xlsx (told by its zip signature, whatever its name) through
/// <see cref="XlsxRows"/>, anything else named .csv/.txt through <see cref="CsvRows"/>. The first non-empty row is
/// the header, in either language. A CSV that is not valid UTF-8 is read as GB 18030, which is what Excel on a Chinese
/// Windows writes when it saves "CSV". Everything that makes the file unusable as a whole is an
/// <see cref="ImportFileRejected"/>; a bad cell is left to the planner, which reports it on its row.
/// </summary>
public static class ImportSheet
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    // Old binary workbooks (.xls) start with the OLE compound-file signature.
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0];

    public static IReadOnlyList<ImportSourceRow> Read(ImportKind kind, string fileName, byte[] content, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(logger);
        if (content.Length > ImportLimits.MaxFileBytes)
        {
            throw new ImportFileRejected(ImportFailures.TooLarge);
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            if (content.AsSpan().StartsWith(ZipSignature))
            {
                using var stream = new MemoryStream(content, writable: false);
                return Rows(kind, XlsxRows.Read(stream), fileName, logger);
            }

            if (content.AsSpan().StartsWith(OleSignature) || extension is not (".csv" or ".txt"))
            {
                throw new ImportFileRejected(ImportFailures.NotASpreadsheet);
            }

            using var reader = new StringReader(Decode(content));
            return Rows(kind, CsvRows.Read(reader).Select((cells, i) => (Line: i + 1, Cells: cells)), fileName, logger);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            throw new ImportFileRejected(ImportFailures.NotASpreadsheet);
        }
    }

    private static string Decode(byte[] content)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            var text = utf8.GetString(content);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }

    private static List<ImportSourceRow> Rows(ImportKind kind, IEnumerable<(int Line, string[] Cells)> source, string fileName, ILogger logger)
    {
        var columns = ImportColumns.Of(kind);
        string?[]? keys = null;
        var rows = new List<ImportSourceRow>();
        foreach (var (line, cells) in source)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (keys is null)
            {
                keys = Header(columns, cells);
                continue;
            }

            if (rows.Count == ImportLimits.MaxRows)
            {
                throw new ImportFileRejected(ImportFailures.TooManyRows);
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < cells.Length && i < keys.Length; i++)
            {
                if (keys[i] is { } key)
                {
                    values[key] = cells[i].Length > ImportLimits.MaxCellLength ? cells[i][..(ImportLimits.MaxCellLength + 1)] : cells[i];
                }
            }

            rows.Add(new ImportSourceRow(line, values));
            if (rows.Count % ImportLimits.ProgressEvery == 0)
            {
                logger.LogInformation("Import of {File}: {Rows} rows read", fileName, rows.Count);
            }
        }

        if (keys is null || rows.Count == 0)
        {
            throw new ImportFileRejected(ImportFailures.Empty);
        }

        return rows;
    }

    /// <summary>The column key of each header cell (null for an empty one); every required column must be there and nothing unknown.</summary>
    private static string?[] Header(IReadOnlyList<ImportColumn> columns, string[] cells)
    {
        var keys = new string?[cells.Length];
        var unknown = new List<string>();
        for (var i = 0; i < cells.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(cells[i]))
            {
                continue;
            }

            var column = columns.FirstOrDefault(c => c.Matches(cells[i]));
            if (column is null || keys.Contains(column.Key))
            {
                unknown.Add(cells[i].Trim());
                continue;
            }

            keys[i] = column.Key;
        }

        var missing = columns.Where(c => c.Required && !keys.Contains(c.Key)).Select(c => c.Key).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new ImportFileRejected(ImportFailures.HeadersInvalid(missing, [.. unknown.Take(20)]));
        }

        return keys;
    }
}
