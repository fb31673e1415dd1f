using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Collaboration.Api.Spreadsheets;

/// <summary>
/// Writes sheets as an .xlsx workbook with the Open XML SDK: a bold, shaded header row that stays in view (frozen)
/// and carries a filter, numbers and dates stored as such (dates shown as yyyy-mm-dd), columns wide enough for their
/// text. The workbook is built in memory: the SDK writes synchronously, which ASP.NET Core's response stream refuses.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Indexes into the cell formats of the stylesheet below.
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;

    private const uint IsoDateFormat = 164;
    private const double MaxColumnWidth = 60;

    public static byte[] Write(IReadOnlyList<Sheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        }

        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());

            uint id = 1;
            foreach (var sheet in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = Worksheet(sheet);
                sheetList.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet
                {
                    Id = workbookPart.GetIdOfPart(worksheetPart),
                    SheetId = id++,
                    Name = sheet.Name,
                });
            }

            workbookPart.Workbook.Save();
        }

        return buffer.ToArray();
    }

    private static Worksheet Worksheet(Sheet sheet)
    {
        var lastColumn = ColumnName(sheet.Headers.Count - 1);
        var worksheet = new Worksheet();
        worksheet.Append(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0 }));
        worksheet.Append(Columns(sheet));

        var data = new SheetData();
        data.Append(Row(1, sheet.Headers.Select(SheetCell.Of).ToList(), header: true));
        uint rowIndex = 2;
        foreach (var row in sheet.Rows)
        {
            data.Append(Row(rowIndex++, row, header: false));
        }

        worksheet.Append(data);
        worksheet.Append(new AutoFilter { Reference = $"A1:{lastColumn}{Math.Max(1, sheet.Rows.Count + 1)}" });
        return worksheet;
    }

    private static Row Row(uint index, IReadOnlyList<SheetCell> cells, bool header)
    {
        var row = new Row { RowIndex = index };
        for (var column = 0; column < cells.Count; column++)
        {
            var reference = $"{ColumnName(column)}{index}";
            if (Cell(cells[column], reference, header) is { } cell)
            {
                row.Append(cell);
            }
        }

        return row;
    }

    private static Cell? Cell(SheetCell value, string reference, bool header)
    {
        if (value.Number is { } number)
        {
            return new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) };
        }

        if (value.Date is { } date)
        {
            // Dates are serial day numbers counted from Excel's epoch; the style shows them as yyyy-mm-dd.
            var serial = date.ToDateTime(TimeOnly.MinValue).ToOADate();
            return new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(serial) };
        }

        if (value.Text is { } text)
        {
            return new Cell
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                StyleIndex = header ? HeaderStyle : 0,
                InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            };
        }

        return null;
    }

    private static Columns Columns(Sheet sheet)
    {
        var columns = new Columns();
        for (var column = 0; column < sheet.Headers.Count; column++)
        {
            var widest = sheet.Rows.Select(r => DisplayWidth(r[column].ToString()))
                .Append(DisplayWidth(sheet.Headers[column]))
                .Max();
            var index = (uint)column + 1;
            columns.Append(new Column { Min = index, Max = index, Width = Math.Min(MaxColumnWidth, widest + 2), CustomWidth = true });
        }

        return columns;
    }

    /// <summary>Chinese characters take about two character widths in a spreadsheet cell.</summary>
    private static double DisplayWidth(string text) => text.Sum(c => c > 0x2E80 ? 2.0 : 1.0);

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = IsoDateFormat, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = IsoDateFormat, ApplyNumberFormat = true })
        { Count = 3 });
}
