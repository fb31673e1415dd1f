using System.Text.Json;
using Collaboration.Api.Modules.Views;

namespace Collaboration.Api.Tests.Views;

/// <summary>The overview's weighted completion, read from progress documents' JSON, keeps the report's roll-up rule.</summary>
public sealed class CompletionSumsTests
{
    private static JsonElement Progress(params (string Stage, decimal Weight, decimal Progress)[] commitments) =>
        JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            memorandum = "m",
            commitments = commitments.Select(c => new { commitment = new { stage = c.Stage, weight = c.Weight, approvedProgress = c.Progress }, acceptedOn = "2024-01-01" }),
        })).RootElement;

    [Fact]
    public void only_accepted_and_completed_commitments_count_each_by_its_weight_across_memoranda()
    {
        var first = CompletionSums.Of(Progress(("Accepted", 2m, 50m), ("Proposed", 5m, 0m), ("Cancelled", 3m, 10m)));
        var second = CompletionSums.Of(Progress(("Completed", 1m, 100m)));

        first.Should().Be(new CompletionSums(2m, 100m));
        first.Add(second).WeightedCompletion.Should().Be(66.67m, "(2 × 50 + 1 × 100) / 3, rounded as the report rounds");
    }

    [Fact]
    public void a_document_without_counted_commitments_or_of_another_shape_adds_nothing()
    {
        CompletionSums.Of(Progress(("Proposed", 1m, 20m))).WeightedCompletion.Should().Be(0m, "no weight counts, as the report's rule says");
        CompletionSums.Of(JsonDocument.Parse("""{"weightedCompletion": 40}""").RootElement).Should().Be(default(CompletionSums));
        CompletionSums.Of(JsonDocument.Parse("[]").RootElement).Should().Be(default(CompletionSums));
    }
}
