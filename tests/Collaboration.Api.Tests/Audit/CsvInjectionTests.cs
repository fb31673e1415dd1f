using System.Text;
using Collaboration.Audit;
using Collaboration.Audit.Export;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.Running;

namespace Collaboration.Api.Tests.Audit;

/// <summary>No exported CSV cell starts with a character a spreadsheet would run as a formula; numbers stay numbers.</summary>
public sealed class CsvInjectionTests
{
    public static TheoryData<string> FormulaStarts => ["=1+1", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://evil\",\"x\")"];

    [Theory]
    [MemberData(nameof(FormulaStarts))]
    public async Task a_view_export_defuses_text_starting_like_a_formula(string text)
    {
        var json = $$"""{"name":{"en":{{System.Text.Json.JsonSerializer.Serialize(text)}}},"count":-5}""";

        var cells = Cells(await ViewCsvAsync(new StoredView("partners", "k1", 7, json, ViewScope.OfficeOnly)));

        cells[1][2].Should().Be("'" + text);
        cells[1][3].Should().Be("-5", "a JSON number is a number, not text a spreadsheet could run");
    }

    [Theory]
    [MemberData(nameof(FormulaStarts))]
    public async Task a_view_export_defuses_the_key_and_the_column_names(string text)
    {
        var json = $$"""{{{System.Text.Json.JsonSerializer.Serialize(text)}}:"v"}""";

        var cells = Cells(await ViewCsvAsync(new StoredView("partners", text, 7, json, ViewScope.OfficeOnly)));

        cells[0][2].Should().Be("'" + text);
        cells[1][0].Should().Be("'" + text);
    }

    [Theory]
    [MemberData(nameof(FormulaStarts))]
    public void the_memorandum_progress_export_defuses_the_title(string text)
    {
        var view = new MemorandumProgressView(
            new MemorandumId(Guid.NewGuid()), "Signed", new BilingualText("标题", text), 2,
            [new CommitmentProgressLine(new CommitmentId(Guid.NewGuid()), new PartnerId(Guid.NewGuid()), FocusArea.HighLevelTalentServices, CommitmentStage.Accepted, 1m, -0.5m)],
            0m, 12);

        var cells = Cells(MemorandumProgressCsv.Write(view));

        cells[1][2].Should().Be("'" + text);
        cells[1][8].Should().Be("-0.5", "a number written as a number stays one");
    }

    [Fact]
    public void plain_text_is_left_alone_and_quoted_only_when_needed()
    {
        CsvCell.Text("Shanghai").Should().Be("Shanghai");
        CsvCell.Text("a,b").Should().Be("\"a,b\"");
        CsvCell.Text("=a,\"b\"").Should().Be("\"'=a,\"\"b\"\"\"");
        CsvCell.Text(null).Should().BeEmpty();
    }

    private static async Task<string> ViewCsvAsync(params StoredView[] documents)
    {
        using var output = new MemoryStream();
        await ViewCsv.WriteAsync(output, documents);
        return Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF');
    }

    /// <summary>A small RFC 4180 reader, so the assertions see each cell as a spreadsheet would.</summary>
    private static List<List<string>> Cells(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}
