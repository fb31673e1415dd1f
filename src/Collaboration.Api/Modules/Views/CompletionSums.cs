using System.Text.Json;
using Collaboration.Domain.Commitments;
using Collaboration.Projections.MemorandumProgress;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// The two sums a weighted completion divides (<see cref="MemorandumProgressReport.WeightedCompletionOf"/>: weight times
/// approved progress over weight, of the commitments that count), read from a <c>memorandum-progress</c> document's JSON
/// without typing the rest of it. A test holds it to the report's rule on the same documents.
/// </summary>
public readonly record struct CompletionSums(decimal Weight, decimal Weighted)
{
    private static readonly string[] Counted = [nameof(CommitmentStage.Accepted), nameof(CommitmentStage.Completed)];

    public decimal WeightedCompletion => Weight <= 0m ? 0m : Math.Round(Weighted / Weight, 2);

    public CompletionSums Add(CompletionSums other) => new(Weight + other.Weight, Weighted + other.Weighted);

    /// <summary>The sums over a progress document's commitments (<c>commitments[].commitment</c>); zero for any other shape.</summary>
    public static CompletionSums Of(JsonElement progress)
    {
        if (progress.ValueKind != JsonValueKind.Object || !progress.TryGetProperty("commitments", out var commitments) || commitments.ValueKind != JsonValueKind.Array)
        {
            return default;
        }

        decimal weight = 0m, weighted = 0m;
        foreach (var detail in commitments.EnumerateArray())
        {
            if (detail.ValueKind == JsonValueKind.Object
                && detail.TryGetProperty("commitment", out var commitment) && commitment.ValueKind == JsonValueKind.Object
                && commitment.TryGetProperty("stage", out var stage) && stage.ValueKind == JsonValueKind.String && Counted.Contains(stage.GetString(), StringComparer.Ordinal)
                && Number(commitment, "weight") is { } w)
            {
                weight += w;
                weighted += w * (Number(commitment, "approvedProgress") ?? 0m);
            }
        }

        return new(weight, weighted);
    }

    private static decimal? Number(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
}
