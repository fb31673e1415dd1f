using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Collaboration.Api.Tests.Spreadsheets;

/// <summary>
/// Reads a workbook back with the Open XML SDK as a person would see it: each sheet's rows of cell text (numbers in
/// invariant culture, dates as yyyy-mm-dd), so tests compare what the office worker reads, not our writer's internals.
/// Opening validates the package: a broken zip or missing part throws.
/// </summary>
public sealed class WorkbookReader
{
    private WorkbookReader(IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<string>> Rows, Worksheet Sheet)> sheets, IReadOnlyList<string> validationErrors)
    {
        Sheets = sheets;
        ValidationErrors = validationErrors;
    }

    public IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<string>> Rows, Worksheet Sheet)> Sheets { get; }

    /// <summary>What the SDK's schema validator (Office 2019 rules) finds wrong with the workbook.</summary>
    public IReadOnlyList<string> ValidationErrors { get; }

    public IReadOnlyList<string> SheetNames => [.. Sheets.Select(s => s.Name)];

    public IReadOnlyList<IReadOnlyList<string>> Rows(string sheet) => Sheets.Single(s => s.Name == sheet).Rows;

    /// <summary>The value beside <paramref name="label"/> in a two-column sheet.</summary>
    public string ValueOf(string sheet, string label) => Rows(sheet).Single(r => r[0] == label)[1];

    /// <summary>Every cell's text in every sheet, for scanning.</summary>
    public string AllText => string.Join('\n', Sheets.SelectMany(s => s.Rows).Select(r => string.Join('\t', r)));

    public static WorkbookReader Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019)
            .Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var dateStyles = DateStyles(workbookPart);
        var sheets = new List<(string, IReadOnlyList<IReadOnlyList<string>>, Worksheet)>();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
            var rows = worksheet.Descendants<Row>().Select(row => (IReadOnlyList<string>)Cells(row, shared, dateStyles)).ToList();
            sheets.Add((sheet.Name!, rows, worksheet));
        }

        return new WorkbookReader(sheets, errors);
    }

    private static List<string> Cells(Row row, IReadOnlyList<string> shared, ISet<uint> dateStyles)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference!.Value!);
            while (cells.Count < column)
            {
                cells.Add(string.Empty);
            }

            cells.Add(Text(cell, shared, dateStyles));
        }

        return cells;
    }

    private static string Text(Cell cell, IReadOnlyList<string> shared, ISet<uint> dateStyles)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)];
        }

        var raw = cell.CellValue?.Text ?? string.Empty;
        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style))
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(raw, CultureInfo.InvariantCulture))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return raw;
    }

    /// <summary>Cell formats whose number format is a date (built-in 14–22 or a custom code with y, m and d).</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbookPart)
    {
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value is { } code && code.Contains('y') && code.Contains('d'))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        return [.. Enumerable.Range(0, formats.Count)
            .Where(i => formats[i].NumberFormatId?.Value is { } id && (id is >= 14 and <= 22 || custom.Contains(id)))
            .Select(i => (uint)i)];
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
