using Collaboration.Api.Modules.Views;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.MemorandumProgress;

namespace Collaboration.Api.Tests.Views;

/// <summary>
/// The weighted completion added up by the store keeps the report's roll-up rule. That the sums read the fields the
/// commitment details hold is shown end to end: the overview against <c>DistrictOverview.Compose</c>
/// (<see cref="BoundedReadsApiTests"/>), a portfolio against its memorandum's progress (<see cref="PartnerPortfolioTests"/>).
/// </summary>
public sealed class CompletionSumsTests
{
    private static CommitmentLine Line(CommitmentStage stage, decimal weight, decimal progress) =>
        new(CommitmentId.New(), MemorandumId.New(), PartnerId.New(), FocusArea.HighLevelTalentServices, new BilingualText("人才沙龙", "Talent salon"),
            stage, CommitmentStatus.OnTrack, weight, progress, new DateOnly(2030, 1, 1), null);

    [Fact]
    public void the_stages_summed_are_those_the_report_counts()
    {
        foreach (var stage in Enum.GetValues<CommitmentStage>())
        {
            CompletionSums.CountedStages.Contains(stage.ToString()).Should().Be(
                MemorandumProgressReport.CountsTowardsCompletion(Line(stage, 1m, 0m)), "for {0}", stage);
        }
    }

    [Fact]
    public void the_completion_of_the_sums_rounds_as_the_report_does_and_is_zero_without_weight()
    {
        CommitmentLine[] lines = [Line(CommitmentStage.Accepted, 2m, 50m), Line(CommitmentStage.Completed, 1m, 100m), Line(CommitmentStage.Accepted, 0.5m, 12.5m)];

        new CompletionSums(3.5m, 206.25m).WeightedCompletion.Should().Be(MemorandumProgressReport.WeightedCompletionOf(lines)).And.Be(58.93m);
        new CompletionSums(0m, 0m).WeightedCompletion.Should().Be(MemorandumProgressReport.WeightedCompletionOf([Line(CommitmentStage.Proposed, 1m, 20m)])).And.Be(0m);
    }
}
