using Xunit.Abstractions;

namespace Collaboration.Api.Tests.Visibility;

/// <summary>
/// Issue 11, item 3: one generated test over every read path (OpenAPI GETs, exports, the status hub, dashboard pages)
/// for every caller, against the oracle's table (<see cref="LeakOracle"/>). New endpoints join by themselves; one whose
/// path parameter the matrix cannot fill fails it.
/// </summary>
public sealed class LeakMatrixTests(LeakScenarioApp app, ITestOutputHelper output) : IClassFixture<LeakScenarioApp>
{
    [Fact]
    public async Task no_caller_receives_a_value_the_visibility_table_withholds_from_it()
    {
        var result = await new LeakMatrix(app).RunAsync();

        Report(result);
        result.Uncovered.Should().BeEmpty("every path parameter of every GET operation must be fillable from the scenario");
        result.Operations.Should().Contain(o => o.EndsWith(".csv", StringComparison.Ordinal), "the CSV exports are GET operations of the document");
        result.Operations.Should().Contain("GET /api/v1/audit/export", "the NDJSON export is a GET operation of the document");
        result.Operations.Should().Contain(o => o.StartsWith("PAGE ", StringComparison.Ordinal), "the dashboard pages are part of the matrix");
        result.Operations.Should().Contain("PORTAL /open/memoranda/{id:guid}", "the open-government portal is part of the matrix");
        result.Answers.Should().ContainKey("PORTAL /open/en/memoranda/{id:guid} · Anonymous · 200", "the published demo memorandum is read by the public");
        result.Answers.Should().ContainKey("PORTAL /open/en/memoranda/{id:guid} · Anonymous · 404", "the draft memorandum is not");
        result.NeverSeenByOffice.Should().BeEmpty("each secret must be visible to the office somewhere, or the scan could not find it for anyone");
        result.Violations.Select(v => v.ToString()).Should().BeEmpty(
            "no caller may receive what the table withholds from it; {0} violations:\n{1}",
            result.Violations.Count,
            string.Join('\n', result.Violations));
    }

    private void Report(MatrixResult result)
    {
        output.WriteLine($"{result.Operations.Count} operations, {result.Requests} responses scanned, {result.Violations.Count} violations");
        foreach (var note in result.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        foreach (var (answer, count) in result.Answers)
        {
            output.WriteLine($"answered: {answer} × {count}");
        }

        foreach (var group in result.Violations.GroupBy(v => (Operation: Template(v.Request), v.Kind)).OrderBy(g => g.Key.Operation, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key.Operation} · {group.Key.Kind} · {group.Count()} hits · callers: {string.Join(", ", group.Select(v => v.Caller).Distinct().Order(StringComparer.Ordinal))}");
        }

        foreach (var violation in result.Violations)
        {
            output.WriteLine(violation.ToString());
        }
    }

    /// <summary>A concrete request with its ids and query put back as placeholders, to group the report by endpoint.</summary>
    private static string Template(string request)
    {
        var withoutQuery = request.Split('?')[0];
        return System.Text.RegularExpressions.Regex.Replace(withoutQuery, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
    }
}
