using System.Collections.Immutable;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.ViewStoreContract;

public abstract partial class ViewStoreContract
{
    private static readonly DateOnly Due = new(2025, 3, 31);

    /// <summary>Commitments in every stage, with and without milestones (open, late, done) and approved progress, due around <see cref="Due"/>.</summary>
    private static List<CommitmentDetail> CommitmentsAroundDue()
    {
        var text = new BilingualText("承诺", "Commitment");
        var details = new List<CommitmentDetail>();
        for (var i = 0; i < 36; i++)
        {
            var due = Due.AddDays(((i % 4) * 10) - 10);
            var milestones = (i % 3) switch
            {
                0 => ImmutableList.Create(new Milestone(MilestoneId.New(), text, Due.AddDays(-20 - (i % 5)), 50m, MilestoneStatus.Open, null, 0)),
                1 => ImmutableList.Create(new Milestone(MilestoneId.New(), text, Due.AddDays(-40), 30m, MilestoneStatus.Done, Due.AddDays(-41), 0)),
                _ => ImmutableList<Milestone>.Empty,
            };
            var reports = i % 2 == 0
                ? ImmutableList.Create(new ProgressReport(ProgressReportId.New(), (i * 13) % 100, text, Due.AddDays(-50), "p", Due.AddDays(-50), ProgressReportStatus.Approved, Due.AddDays(-49), null))
                : ImmutableList<ProgressReport>.Empty;
            var file = new CommitmentFile(CommitmentId.New(), MemorandumId.New(), FocusArea.HighLevelTalentServices, PartnerId.New(), text, due, 1m, Due.AddDays(-120), milestones, reports);
            CommitmentState state = (i % 6) switch
            {
                0 => new ProposedCommitment(file),
                4 => new CompletedCommitment(file, Due.AddDays(-100), Due.AddDays(-3)),
                5 => new CancelledCommitment(file, text, Due.AddDays(-60)),
                _ => new AcceptedCommitment(file, Due.AddDays(-100 + (i % 7 * 10))),
            };
            details.Add(CommitmentDetail.Of(state)!);
        }

        return details;
    }

    [SkippableFact]
    public async Task a_commitment_status_on_any_day_is_a_store_filter_that_pages_and_counts_exactly_what_the_domain_rules_decide()
    {
        var generation = await ActiveGenerationAsync();
        var details = CommitmentsAroundDue();
        await CommitAsync(t =>
        {
            foreach (var detail in details)
            {
                t.Write(View, generation, detail.Commitment.Id.Value.ToString(), 1, ViewScope.OfficeOnly, ViewJson.Serialize(detail));
            }
        });

        var sort = new ViewSort("commitment.dueDate");
        var statusesSeen = new HashSet<CommitmentStatus>();
        foreach (var offset in new[] { -90, -45, -31, -30, -29, -21, -20, -15, -1, 0, 1, 10, 11, 21, 31, 60 })
        {
            var day = Due.AddDays(offset);
            var expected = details.ToDictionary(d => d.Commitment.Id.Value.ToString(), d => d.StatusOn(day));
            statusesSeen.UnionWith(expected.Values);
            foreach (var status in Enum.GetValues<CommitmentStatus>().Select(s => (CommitmentStatus?)s).Append(null))
            {
                foreach (var overdue in new bool?[] { null, true, false })
                {
                    var filters = CommitmentDayFilters.For(status, overdue, day).ToArray();
                    var want = expected.Where(e => (status is null || e.Value == status) && (overdue is null || (e.Value == CommitmentStatus.Overdue) == overdue))
                        .Select(e => e.Key).ToHashSet();
                    var keys = await AllPagesAsync(Page(sort, 7, null, null, filters));
                    keys.Should().BeEquivalentTo(want, $"status {status?.ToString() ?? "any"}, overdue {overdue?.ToString() ?? "any"} on {day}");
                    (await Views.PageAsync(Page(sort, 1, null, null, filters))).Total.Should().Be(want.Count);
                }
            }
        }

        statusesSeen.Should().BeEquivalentTo(Enum.GetValues<CommitmentStatus>(), "the days chosen show every status");
    }

    [SkippableFact]
    public async Task a_total_follows_documents_another_instance_commits_with_its_checkpoint()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            t.Write(View, generation, "a", 1, ViewScope.OfficeOnly, Item("2024-06-01", "Open"));
            t.WriteCheckpoint(View, generation, 1);
        });
        var query = Page(ByDue, 1);
        (await Views.PageAsync(query)).Total.Should().Be(1);
        (await Views.PageAsync(query)).Total.Should().Be(1, "asked again before anything changed");

        // Another process (a node, the CLI) writes: this instance sees no transaction of its own, only the checkpoint move.
        var other = await OpenAnotherAsync();
        try
        {
            await CommitAsync(t =>
            {
                t.Write(View, generation, "b", 2, ViewScope.OfficeOnly, Item("2024-06-02", "Open"));
                t.Write(View, generation, "c", 2, ViewScope.OfficeOnly, Item("2024-06-03", "Open"));
                t.WriteCheckpoint(View, generation, 2);
            }, other);
            (await Views.PageAsync(query)).Total.Should().Be(3);

            await CommitAsync(t => t.Write(View, generation, "a", 3, ViewScope.OfficeOnly, json: null));
            (await Views.PageAsync(query)).Total.Should().Be(2, "this instance's own commit counts again even without a checkpoint");
        }
        finally
        {
            if (other is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
