using Collaboration.Api.Spreadsheets;

namespace Collaboration.Api.Tests.Spreadsheets;

public sealed class XlsxWriterTests
{
    [Fact]
    public void a_workbook_round_trips_text_numbers_dates_and_empty_cells_past_column_z()
    {
        var headers = Enumerable.Range(1, 28).Select(i => $"H{i}").ToList();
        var row = Enumerable.Range(1, 28).Select(i => i switch
        {
            1 => SheetCell.Of("中文 and English"),
            2 => SheetCell.Of(66.67m),
            3 => SheetCell.Of(new DateOnly(2024, 9, 27)),
            4 => SheetCell.Empty,
            _ => SheetCell.Of($"c{i}"),
        }).ToList();

        var book = WorkbookReader.Read(XlsxWriter.Write([Sheet.Of("Data", headers, [row])]));

        book.ValidationErrors.Should().BeEmpty();
        book.Rows("Data")[0].Should().Equal(headers);
        book.Rows("Data")[1].Should().Equal(row.Select(c => c.ToString()));
        book.Rows("Data")[1][27].Should().Be("c28", "column AB follows Z");
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a name that is far too long for excel")]
    [InlineData(" ")]
    public void an_invalid_sheet_name_is_refused(string name)
    {
        var act = () => Sheet.Of(name, ["A"], []);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void a_row_with_the_wrong_number_of_cells_is_refused()
    {
        var act = () => Sheet.Of("Data", ["A", "B"], [[SheetCell.Of("only one")]]);

        act.Should().Throw<ArgumentException>().WithMessage("*2 headers*1 cells*");
    }
}
