using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// Reads the first worksheet of an .xlsx workbook with the Open XML SDK's forward-only <see cref="OpenXmlReader"/>:
/// one row element is loaded at a time, so a long sheet never becomes one DOM. Cells come back as text as a person
/// would type them (numbers in invariant culture, dates as the serial numbers Excel stores; the planner reads a date
/// column either way). Missing cells in a row (Excel omits empty ones) are empty strings.
/// </summary>
public static class XlsxRows
{
    public const int MaxColumns = 64;

    /// <summary>Each row with its row number as Excel shows it.</summary>
    public static IEnumerable<(int Line, string[] Cells)> Read(Stream workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var document = SpreadsheetDocument.Open(workbook, isEditable: false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no workbook part.");
        var first = workbookPart.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new InvalidDataException("The workbook has no worksheet.");
        var worksheet = (WorksheetPart)workbookPart.GetPartById(first.Id?.Value ?? throw new InvalidDataException("A sheet without a part id."));
        var shared = SharedStrings(workbookPart);

        using var reader = OpenXmlReader.Create(worksheet);
        var line = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            // Excel leaves wholly empty rows out: the row number, not the count, is what the office sees.
            line = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : line + 1;
            yield return (line, Cells(row, shared));
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var list = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return list;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                list.Add(((SharedStringItem)reader.LoadCurrentElement()!).InnerText);
            }
        }

        return list;
    }

    private static string[] Cells(Row row, List<string> shared)
    {
        var cells = new List<string>();
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
            if (column >= MaxColumns)
            {
                // No import sheet is that wide; padding up to column XFD on every row would only cost memory.
                throw new ImportFileRejected(ImportFailures.TooWide);
            }

            while (cells.Count < column)
            {
                cells.Add(string.Empty);
            }

            cells.Add(Text(cell, shared));
            next = column + 1;
        }

        return [.. cells];
    }

    private static string Text(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        var raw = cell.CellValue?.Text ?? string.Empty;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count
                ? shared[i]
                : throw new InvalidDataException($"Cell {cell.CellReference} names a shared string that does not exist.");
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        return raw;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }
}
