using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Api.Live;

namespace Collaboration.Api.Tests.Live;

public sealed class ChangedLinesTests
{
    private const string Key = "m1";

    [Fact]
    public void the_first_version_of_a_document_goes_whole()
    {
        new ChangedLines().Since(Progress(10, "Signed", Line("a", 1), Line("b", 1))).Should().BeNull();
    }

    [Fact]
    public void a_changed_line_goes_alone_with_the_whole_header()
    {
        var lines = new ChangedLines();
        lines.Since(Progress(10, "Signed", Line("a", 1), Line("b", 1), Line("c", 1)));

        var partial = JsonNode.Parse(lines.Since(Progress(11, "Signed", Line("a", 1), Line("b", 2), Line("c", 1)))!)!;

        partial["status"]!.GetValue<string>().Should().Be("Signed");
        partial["parties"]!.AsArray().Should().HaveCount(2);
        partial["commitments"]!.AsArray().Select(l => l!["commitment"]!["id"]!.GetValue<string>()).Should().Equal("b");
        partial["commitments"]![0]!["commitment"]!["percent"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public void a_new_line_goes_alone_and_a_header_change_goes_without_lines()
    {
        var lines = new ChangedLines();
        lines.Since(Progress(10, "Signed", Line("a", 1), Line("b", 1)));

        var added = JsonNode.Parse(lines.Since(Progress(11, "Signed", Line("a", 1), Line("b", 1), Line("c", 1)))!)!;
        var suspended = JsonNode.Parse(lines.Since(Progress(12, "Suspended", Line("a", 1), Line("b", 1), Line("c", 1)))!)!;

        added["commitments"]!.AsArray().Select(l => l!["commitment"]!["id"]!.GetValue<string>()).Should().Equal("c");
        suspended["status"]!.GetValue<string>().Should().Be("Suspended");
        suspended["commitments"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void a_removed_line_an_older_version_and_every_line_changed_go_whole()
    {
        var lines = new ChangedLines();
        lines.Since(Progress(10, "Signed", Line("a", 1), Line("b", 1)));

        lines.Since(Progress(11, "Signed", Line("a", 1))).Should().BeNull("a line went away");
        lines.Since(Progress(9, "Signed", Line("a", 5), Line("b", 1))).Should().BeNull("a projection retried below what was pushed");
        lines.Since(Progress(12, "Signed", Line("a", 2))).Should().BeNull("the only line changed");
        lines.Since(Progress(13, "Signed", Line("a", 2))).Should().NotBeNull("the base is the last version pushed, position 12");
    }

    [Fact]
    public void other_views_always_go_whole()
    {
        var lines = new ChangedLines();
        var change = Progress(10, "Signed", Line("a", 1), Line("b", 1)) with { View = ViewNames.CommitmentDetail };
        lines.Since(change);

        lines.Since(change with { Position = 11 }).Should().BeNull();
    }

    private static JsonObject Line(string id, int percent) => new() { ["commitment"] = new JsonObject { ["id"] = id, ["percent"] = percent } };

    private static ViewChange Progress(long position, string status, params JsonObject[] lines) =>
        new(ViewNames.MemorandumProgress, Key, position, JsonSerializer.SerializeToElement(new JsonObject
        {
            ["memorandum"] = Key,
            ["status"] = status,
            ["parties"] = new JsonArray(new JsonObject { ["party"] = "p1" }, new JsonObject { ["party"] = "p2" }),
            ["commitments"] = new JsonArray([.. lines]),
        }));
}
