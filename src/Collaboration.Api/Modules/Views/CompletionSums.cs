using Collaboration.Domain.Commitments;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// The two sums a weighted completion divides (<see cref="MemorandumProgressReport.WeightedCompletionOf"/>: weight times
/// approved progress over weight, of the commitments that count), as the view store adds them up over the commitments' lines
/// (<see cref="OfLines"/> over the <see cref="CountedStages"/>). A test holds it to the report's rule.
/// </summary>
public readonly record struct CompletionSums(decimal Weight, decimal Weighted)
{
    /// <summary>The stages whose commitments count (<see cref="MemorandumProgressReport.CountsTowardsCompletion(CommitmentStage)"/>).</summary>
    public static readonly string[] CountedStages = [nameof(CommitmentStage.Accepted), nameof(CommitmentStage.Completed)];

    /// <summary>Weight, and weight times approved progress, of a <c>memorandum-line</c> document.</summary>
    public static IReadOnlyList<ViewSum> OfLines => MemorandumProgressComposition.LineSums;

    public decimal WeightedCompletion => MemorandumProgressReport.CompletionOf(Weight, Weighted);

    /// <summary>The sums of a tally made with <see cref="OfLines"/>; none found, none counted.</summary>
    public static CompletionSums Of(ViewTally? tally) => tally is null ? default : new(tally.Sums[0], tally.Sums[1]);
}
