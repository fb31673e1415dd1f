using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using Collaboration.EventStore;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Running;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Views;

public sealed class MemorandumProgressSpecs
{
    private readonly MemorandumId memorandum = MemorandumId.New();
    private readonly PartnerId chamber = PartnerId.New();
    private readonly PartnerId park = PartnerId.New();

    [Fact]
    public async Task weighted_completion_leaves_out_cancelled_commitments_and_counts_completed_milestone_shares()
    {
        var talent = CommitmentId.New();
        var investment = CommitmentId.New();
        var cancelled = CommitmentId.New();
        var milestone = MilestoneId.New();

        var report = await ProgressAsync(new DateOnly(2024, 10, 10),
            [
                .. Events.MemorandumWithParties(memorandum, chamber, park),
                Events.Proposed(talent, memorandum, chamber, 3m, new DateOnly(2025, 6, 30)), Events.Accepted(talent),
                Events.Milestone(talent, milestone, 40m, new DateOnly(2024, 12, 1)), Events.MilestoneDone(talent, milestone),
                Events.Proposed(investment, memorandum, park, 1m, new DateOnly(2025, 6, 30), FocusArea.DomesticInvestmentPromotion), Events.Accepted(investment),
                .. Events.ApprovedReport(investment, 80m),
                Events.Proposed(cancelled, memorandum, park, 10m, new DateOnly(2025, 6, 30)), Events.Accepted(cancelled), Events.Cancelled(cancelled),
            ]);

        report.WeightedCompletion.Should().Be(50m, "(3 × 40 + 1 × 80) / 4; the cancelled weight of 10 is left out");
        report.ByStatus[CommitmentStatus.Cancelled].Should().Be(1);
        report.ByFocusArea.Should().Contain(g => g.Group == nameof(FocusArea.DomesticInvestmentPromotion) && g.WeightedCompletion == 80m);
        report.ByParty.Should().Contain(g => g.Group == chamber.ToString() && g.WeightedCompletion == 40m);
    }

    [Fact]
    public async Task overdue_is_decided_on_the_day_asked_not_when_projected()
    {
        var late = CommitmentId.New();
        object[] events =
        [
            .. Events.MemorandumWithParties(memorandum, chamber),
            Events.Proposed(late, memorandum, chamber, 1m, new DateOnly(2024, 11, 30)), Events.Accepted(late),
        ];

        var before = await ProgressAsync(new DateOnly(2024, 11, 30), events);
        var after = await ProgressAsync(new DateOnly(2024, 12, 1), events);

        before.Overdue.Should().BeEmpty();
        before.NextDue.Should().ContainSingle(l => l.Id == late && l.NextDueDate == new DateOnly(2024, 11, 30));
        after.Overdue.Should().ContainSingle(l => l.Id == late && l.Status == CommitmentStatus.Overdue);
    }

    [Fact]
    public async Task a_commitment_in_its_memorandums_progress_keeps_its_latest_approved_report_and_whole_history_only()
    {
        var talent = CommitmentId.New();
        var today = new DateOnly(2025, 6, 20);
        object[] events =
        [
            .. Events.MemorandumWithParties(memorandum, chamber),
            Events.Proposed(talent, memorandum, chamber, 1m, new DateOnly(2025, 6, 30)), Events.Accepted(talent),
            .. Events.ApprovedReport(talent, 30m), .. Events.ApprovedReport(talent, 60m), .. Events.ApprovedReport(talent, 20m),
        ];

        var store = await ReplayAsync(events);
        var line = store.Get<MemorandumProgressDocument>(MemorandumProgressProjection.ViewName, memorandum.Value.ToString())!.Commitments.Single();
        var full = (await ProjectionReplayer.ReplayAsync(new CommitmentDetails.CommitmentDetailProjection(), Recorded(events), TempStore.Serializer))
            .Get<CommitmentDetails.CommitmentDetail>(CommitmentDetails.CommitmentDetailProjection.ViewName, talent.Value.ToString())!;

        line.Commitment.Reports.Should().ContainSingle().Which.Percent.Should().Be(20m, "the office's latest judgement wins, even when lower");
        full.Commitment.Reports.Should().HaveCount(3);
        line.Commitment.ApprovedHistory.Should().BeEquivalentTo(full.Commitment.ApprovedHistory);
        line.StatusOn(today).Should().Be(full.StatusOn(today)).And.Be(CommitmentStatus.AtRisk, "20 % approved ten days before the due date");
        line.Commitment.ApprovedProgress.Should().Be(full.Commitment.ApprovedProgress);
    }

    [Fact]
    public async Task a_memorandum_is_visible_to_its_parties_only()
    {
        var store = await ReplayAsync(Events.MemorandumWithParties(memorandum, chamber));

        (await store.ListAsync(MemorandumProgressProjection.ViewName, new HashSet<string> { ViewScope.Organisation(chamber.Value) })).Should().ContainSingle();
        (await store.ListAsync(MemorandumProgressProjection.ViewName, new HashSet<string> { ViewScope.Organisation(park.Value) })).Should().BeEmpty();
    }

    private async Task<MemorandumProgressReport> ProgressAsync(DateOnly today, object[] events)
    {
        var store = await ReplayAsync(events);
        var document = store.Get<MemorandumProgressDocument>(MemorandumProgressProjection.ViewName, memorandum.Value.ToString());
        return MemorandumProgressReport.On(document!, today);
    }

    private static Task<InMemoryViewStore> ReplayAsync(object[] events) =>
        ProjectionReplayer.ReplayAsync(new MemorandumProgressProjection(), Recorded(events), TempStore.Serializer);

    /// <summary>Events as the log would hand them over: each in its aggregate's stream, positions in order.</summary>
    internal static IEnumerable<RecordedEvent> Recorded(IEnumerable<object> events)
    {
        var revisions = new Dictionary<string, long>();
        var position = 0L;
        foreach (var e in events)
        {
            var stream = e switch
            {
                ICommitmentEvent c => Events.Stream(c.Commitment),
                Domain.Memoranda.IMemorandumEvent m => Events.Stream(m.Memorandum),
                ITalentCaseEvent t => TalentCaseDecider.StreamName(t.Case),
                Domain.Feedback.IFeedbackEvent f => Domain.Feedback.FeedbackDecider.StreamName(f.Feedback),
                _ => "other",
            };
            var revision = revisions[stream] = revisions.GetValueOrDefault(stream, -1) + 1;
            var (type, data) = TempStore.Serializer.Serialize(e);
            yield return new RecordedEvent(Guid.NewGuid(), stream, revision, ++position, type, Events.At, data, "{}"u8.ToArray(), new byte[32]);
        }
    }
}
