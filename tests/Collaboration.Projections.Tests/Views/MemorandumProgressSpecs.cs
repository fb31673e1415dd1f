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
    public async Task the_store_composes_the_same_report_as_the_rule_in_memory_and_bounds_its_lists()
    {
        var today = new DateOnly(2025, 6, 20);
        var events = new List<object>(Events.MemorandumWithParties(memorandum, chamber, park));
        // More commitments than the report lists, in every status: due before and after today, some at risk, some done.
        for (var i = 0; i < MemorandumProgressReport.Shown + 30; i++)
        {
            var id = CommitmentId.New();
            var owner = i % 3 == 0 ? park : chamber;
            var area = i % 4 == 0 ? FocusArea.DomesticInvestmentPromotion : FocusArea.HighLevelTalentServices;
            events.Add(Events.Proposed(id, memorandum, owner, 1m + (i % 5), today.AddDays((i % 90) - 45), area));
            if (i % 7 != 0)
            {
                events.Add(Events.Accepted(id));
            }

            if (i % 5 == 1)
            {
                events.AddRange(Events.ApprovedReport(id, 10m * (i % 10)));
            }

            if (i % 11 == 2)
            {
                events.Add(Events.Cancelled(id));
            }
        }

        var store = await ProjectionReplayer.ReplayAsync(
            [new MemorandumProgressProjection(), new CommitmentDetails.CommitmentDetailProjection(), new MemorandumLineProjection()], Recorded([.. events]).ToAsyncEnumerable(), TempStore.Serializer);
        var header = store.Get<MemorandumProgressDocument>(MemorandumProgressProjection.ViewName, memorandum.Value.ToString())!;
        var details = (await store.ListAsync(CommitmentDetails.CommitmentDetailProjection.ViewName, null))
            .Select(d => ViewJson.Deserialize<CommitmentDetails.CommitmentDetail>(d.Json!)!).ToList();

        var composed = await MemorandumProgressComposition.ComposeAsync(store, header, today);
        var rule = MemorandumProgressReport.On(header, details, today);

        composed.Should().BeEquivalentTo(rule, o => o.WithStrictOrdering().Excluding(r => r.ByStatus));
        composed.ByStatus.Should().BeEquivalentTo(rule.ByStatus);
        composed.ByStatus.Keys.Should().Contain([CommitmentStatus.Overdue, CommitmentStatus.Cancelled, CommitmentStatus.AtRisk, CommitmentStatus.NotStarted]);
        composed.Commitments.First.Should().HaveCount(MemorandumProgressReport.Shown);
        composed.Commitments.Total.Should().Be(MemorandumProgressReport.Shown + 30);
        composed.Commitments.List.Should().Be($"/api/v1/memoranda/{memorandum.Value}/commitments");
        foreach (var day in new[] { today.AddDays(-60), today, today.AddDays(20), today.AddDays(60) })
        {
            details.Select(d => MemorandumLine.Of(d).StatusOn(day)).Should().Equal(details.Select(d => d.StatusOn(day)), $"a line's status on {day} is the domain's");
        }
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
        var store = await ProjectionReplayer.ReplayAsync(
            [new MemorandumProgressProjection(), new CommitmentDetails.CommitmentDetailProjection(), new MemorandumLineProjection()], Recorded(events).ToAsyncEnumerable(), TempStore.Serializer);
        var document = store.Get<MemorandumProgressDocument>(MemorandumProgressProjection.ViewName, memorandum.Value.ToString());
        return await MemorandumProgressComposition.ComposeAsync(store, document!, today);
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
