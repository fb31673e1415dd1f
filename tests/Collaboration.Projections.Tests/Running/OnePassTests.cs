using Collaboration.Domain.Kernel;
using Collaboration.Projections.Activity;
using Collaboration.Projections.Running;
using Collaboration.Projections.Sqlite;
using Collaboration.Projections.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Projections.Tests.Running;

/// <summary>
/// The runner applies the log once for all projections, keeps stream states and documents between batches, and
/// rebuilds in one pass with documents written behind: every one of those shortcuts must leave the views exactly as
/// replaying the log from scratch, one event at a time, would.
/// </summary>
public sealed class OnePassTests : IAsyncLifetime
{
    private readonly TempStore temp = new();

    public Task InitializeAsync() => temp.InitializeAsync();

    public Task DisposeAsync() => temp.DisposeAsync();

    [Fact]
    public async Task rebuilding_every_read_model_in_one_pass_equals_replaying_the_log()
    {
        var (a, b) = await AppendScenarioAsync(commitments: 60);
        var runner = temp.Runner(null, [.. ReadModels.All()]);
        await runner.CatchUpAsync();
        var names = runner.Projections.Select(p => p.Name).ToList();

        await runner.RebuildAsync(names, progress: null);

        var replayed = await ProjectionReplayer.ReplayAsync([.. ReadModels.All()], temp.Store.ReadAllAsync(), TempStore.Serializer);
        foreach (var name in names)
        {
            var rebuilt = await runner.Views.ListAsync(name, audiences: null);
            rebuilt.Should().BeEquivalentTo(await replayed.ListAsync(name, audiences: null), $"the rebuilt {name} equals a replay");
        }

        (await runner.Views.ListAsync(ActivityProjection.ViewName, audiences: null)).Should().HaveCount((int)temp.Store.CommittedPosition);
        runner.Projections.Should().OnlyContain(p => runner.CheckpointOf(p.Name) == temp.Store.CommittedPosition);
        a.Should().NotBe(b);
    }

    [Fact]
    public async Task a_rebuild_reads_back_what_the_batch_before_wrote_while_that_batch_is_still_being_committed()
    {
        // More than two rebuild batches; each event deletes the document an event 1,500 positions back wrote, which
        // for most events is in the batch before (committed beside this one) and for some in the same batch.
        var commitment = CommitmentId.New();
        var reports = Enumerable.Range(0, 2_600).SelectMany(_ => Events.ApprovedReport(commitment, 10m));
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New()));
        var last = await temp.AppendAsync(Events.Stream(commitment), [Events.Proposed(commitment, memorandum, PartnerId.New(), 1m, new DateOnly(2025, 6, 30)), Events.Accepted(commitment), .. reports]);
        last.Should().BeGreaterThan(2 * ProjectionRunner.RebuildBatch);
        var runner = temp.Runner(null, new DeletingBehind());
        await runner.CatchUpAsync();

        await runner.RebuildAsync(DeletingBehind.ViewName);

        var rebuilt = await runner.Views.ListAsync(DeletingBehind.ViewName, audiences: null);
        rebuilt.Select(d => d.Position).Should().Equal(Enumerable.Range((int)last - DeletingBehind.Lag + 1, DeletingBehind.Lag).Select(p => (long)p),
            "every document but the last 1,500 was deleted again");
        var replayed = await ProjectionReplayer.ReplayAsync([new DeletingBehind()], temp.Store.ReadAllAsync(), TempStore.Serializer);
        rebuilt.Should().BeEquivalentTo(await replayed.ListAsync(DeletingBehind.ViewName, audiences: null));
    }

    [Fact]
    public async Task a_rebuild_applies_ahead_of_commits_waiting_their_turn_and_reads_back_what_those_batches_wrote()
    {
        // The store's write gate is held from the start, so no rebuild batch can commit: the runner must go on applying
        // while its commits wait (up to RebuildCommitsInFlight of them), and each event deletes the document written
        // three and a half batches back, which is then only in a batch still waiting for its commit.
        const int lag = (3 * ProjectionRunner.RebuildBatch) + (ProjectionRunner.RebuildBatch / 2);
        var commitment = CommitmentId.New();
        var reports = Enumerable.Range(0, 5 * ProjectionRunner.RebuildBatch).SelectMany(_ => Events.ApprovedReport(commitment, 10m));
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New()));
        var last = await temp.AppendAsync(Events.Stream(commitment), [Events.Proposed(commitment, memorandum, PartnerId.New(), 1m, new DateOnly(2025, 6, 30)), Events.Accepted(commitment), .. reports]);
        last.Should().BeGreaterThan((ProjectionRunner.RebuildCommitsInFlight + 1) * ProjectionRunner.RebuildBatch);
        var runner = temp.Runner(null, new DeletingBehind(lag));
        await runner.CatchUpAsync();
        var applied = new AppliedPositions();
        var aheadBy = (long)ProjectionRunner.RebuildCommitsInFlight * ProjectionRunner.RebuildBatch;

        await temp.Store.WriteGate.WaitAsync();
        Task rebuilding;
        long appliedWhileHeld;
        try
        {
            rebuilding = runner.RebuildAsync(DeletingBehind.ViewName, applied);
            await WaitUntilAsync(() => applied.Latest >= aheadBy || rebuilding.IsCompleted);
            appliedWhileHeld = applied.Latest;
            rebuilding.IsCompleted.Should().BeFalse("nothing can be committed, let alone swapped in, while the gate is held");
        }
        finally
        {
            temp.Store.WriteGate.Release();
        }

        await rebuilding.WaitAsync(TimeSpan.FromSeconds(60));
        appliedWhileHeld.Should().Be(aheadBy, "the runner applied a batch for every commit it may keep waiting, and no more");
        var rebuilt = await runner.Views.ListAsync(DeletingBehind.ViewName, audiences: null);
        rebuilt.Select(d => d.Position).Should().Equal(Enumerable.Range((int)last - lag + 1, lag).Select(p => (long)p),
            "every document but the last ones was deleted again, including those read back from batches not yet committed");
        var replayed = await ProjectionReplayer.ReplayAsync([new DeletingBehind(lag)], temp.Store.ReadAllAsync(), TempStore.Serializer);
        rebuilt.Should().BeEquivalentTo(await replayed.ListAsync(DeletingBehind.ViewName, audiences: null));
    }

    [Fact]
    public async Task the_live_follower_over_many_batches_equals_replaying_the_log()
    {
        var runner = temp.Runner(null, [.. ReadModels.All()]);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);

        // Written while the follower runs: documents held between batches, patched and read back, must not drift.
        await AppendScenarioAsync(commitments: 12);
        await runner.WaitForAsync(temp.Store.CommittedPosition).WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;

        var replayed = await ProjectionReplayer.ReplayAsync([.. ReadModels.All()], temp.Store.ReadAllAsync(), TempStore.Serializer);
        foreach (var projection in runner.Projections)
        {
            (await runner.Views.ListAsync(projection.Name, audiences: null)).Should()
                .BeEquivalentTo(await replayed.ListAsync(projection.Name, audiences: null), $"the live {projection.Name} equals a replay");
        }
    }

    [Fact]
    public async Task a_partner_gets_its_newest_activity_even_behind_more_than_a_page_of_other_partners_entries()
    {
        var mine = PartnerId.New();
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, mine));
        var own = CommitmentId.New();
        var ownPosition = await temp.AppendAsync(Events.Stream(own), Events.Proposed(own, memorandum, mine, 1m, new DateOnly(2025, 6, 30)));
        var other = CommitmentId.New();
        var reports = Enumerable.Range(0, 600).SelectMany(_ => Events.ApprovedReport(other, 10m));
        await temp.AppendAsync(Events.Stream(other), [Events.Proposed(other, memorandum, PartnerId.New(), 1m, new DateOnly(2025, 6, 30)), Events.Accepted(other), .. reports]);
        var runner = temp.Runner(null, new ActivityProjection());
        await runner.CatchUpAsync();

        var latest = await runner.Views.LatestAsync(ActivityProjection.ViewName, new HashSet<string> { ViewScope.Organisation(mine.Value) }, limit: 5);

        latest.Select(e => e.Position).Should().Equal([ownPosition, ownPosition - 1],
            "the partner's own commitment and its joining the memorandum, newest first, past 1,202 entries it may not see (the draft predates its party)");
        var entry = ViewJson.Deserialize<FeedEntry>(latest[0].Json!)!;
        entry.Should().BeEquivalentTo(new { Position = ownPosition, Kind = "commitment", Subject = own.Value, Stream = Events.Stream(own), Type = "commitment.proposed.v1" });
    }

    [Fact]
    public async Task activity_entries_reach_clients_catching_up_and_the_live_push()
    {
        var publisher = new CollectingPublisher();
        var runner = temp.Runner(publisher, new ActivityProjection());
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);
        var memorandum = MemorandumId.New();
        var partner = PartnerId.New();

        var last = await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, partner));
        await runner.WaitForAsync(last).WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await running;

        var caughtUp = (await runner.Views.ChangedSinceAsync(1, new HashSet<string> { ViewScope.Organisation(partner.Value) }, maxRows: 100)).Changes;
        caughtUp.Select(c => c.Position).Should().Equal(2);
        publisher.Changes.Select(c => (c.View, c.Position)).Should().Equal((ActivityProjection.ViewName, 1L), (ActivityProjection.ViewName, 2L));
        publisher.Changes.Last().Json.Should().Be(caughtUp[0].Json, "the pushed entry and the stored one render alike");
        (await runner.Views.GetAsync(ActivityProjection.ViewName, FeedEntry.KeyOf(2))).Should().BeEquivalentTo(caughtUp[0]);
    }

    [Fact]
    public async Task a_projection_that_throws_sits_out_while_the_others_go_on_and_catches_up_when_retried()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var flaky = new FlakyProjection();
        var runner = new ProjectionRunner(temp.Store, new SqliteViewStore(temp.Store), TempStore.Serializer, [flaky, new CountingProjection()], time: time);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);
        var memorandum = MemorandumId.New();

        var last = await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New()));
        await WaitUntilAsync(() => runner.CheckpointOf(CountingProjection.ViewName) == last);
        runner.CheckpointOf(FlakyProjection.ViewName).Should().Be(0, "the failing projection did not move");

        flaky.Healthy = true;
        time.Advance(ProjectionRunner.RetryAfterFailure);
        await runner.WaitForAsync(last).WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await running;

        (await runner.Views.GetAsync(FlakyProjection.ViewName, "seen")).Should().NotBeNull();
        var count = ViewJson.Deserialize<CountingProjection.Count>((await runner.Views.GetAsync(CountingProjection.ViewName, "all"))!.Json!)!;
        count.Events.Should().Be(2, "the healthy projection saw each event once");
    }

    [Fact]
    public async Task projections_commit_only_in_their_turn_at_the_stores_write_gate()
    {
        var memorandum = MemorandumId.New();
        var last = await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New()));
        var runner = temp.Runner(null, new CountingProjection());

        await temp.Store.WriteGate.WaitAsync();
        var catchingUp = runner.CatchUpAsync();
        await Task.Delay(200);
        var whileHeld = (catchingUp.IsCompleted, await runner.Views.ActiveCheckpointAsync(CountingProjection.ViewName));
        temp.Store.WriteGate.Release();
        await catchingUp.WaitAsync(TimeSpan.FromSeconds(10));

        whileHeld.Should().Be((false, 0L), "the batch was applied but waits for the gate to commit");
        (await runner.Views.ActiveCheckpointAsync(CountingProjection.ViewName)).Should().Be(last);
    }

    private async Task<(PartnerId A, PartnerId B)> AppendScenarioAsync(int commitments)
    {
        var a = PartnerId.New();
        var b = PartnerId.New();
        var memoranda = new[] { MemorandumId.New(), MemorandumId.New() };
        foreach (var memorandum in memoranda)
        {
            await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, a, b));
        }

        for (var i = 0; i < commitments; i++)
        {
            // Interleaved across both memoranda and owners, 2 + 2 × 20 events each, so batches split commitments.
            var id = CommitmentId.New();
            var reports = Enumerable.Range(1, 20).SelectMany(r => Events.ApprovedReport(id, r * 5m));
            await temp.AppendAsync(Events.Stream(id), [Events.Proposed(id, memoranda[i % 2], i % 3 == 0 ? a : b, 1m + (i % 4), new DateOnly(2025, 6, 30)), Events.Accepted(id), .. reports]);
        }

        return (a, b);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Writes a document per event and deletes the one written <c>lag</c> events before (a delete reads the store first).</summary>
    private sealed class DeletingBehind(int lag = DeletingBehind.Lag) : IProjection
    {
        public const string ViewName = "test-deleting-behind";

        public const int Lag = 1_500;

        public string Name => ViewName;

        public int Version => 1;

        public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
        {
            await context.Views.PutAsync(Key(projected.Position), new CountingProjection.Count(1, projected.Position), ViewScope.OfficeOnly, ct);
            await context.Views.DeleteAsync(Key(projected.Position - lag), ct);
        }

        private static string Key(long position) => FeedEntry.KeyOf(position);
    }

    /// <summary>The position of the last rebuild batch applied, as the runner reports it.</summary>
    private sealed class AppliedPositions : IProgress<long>
    {
        private long latest;

        public long Latest => Interlocked.Read(ref latest);

        public void Report(long value) => Interlocked.Exchange(ref latest, value);
    }

    /// <summary>Throws on every event until made healthy; then writes one document.</summary>
    private sealed class FlakyProjection : IProjection
    {
        public const string ViewName = "test-flaky";

        private volatile bool healthy;

        public bool Healthy
        {
            get => healthy;
            set => healthy = value;
        }

        public string Name => ViewName;

        public int Version => 1;

        public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
        {
            if (!healthy)
            {
                throw new InvalidOperationException("Not yet.");
            }

            await context.Views.PutAsync("seen", new CountingProjection.Count(1, projected.Position), ViewScope.OfficeOnly, ct);
        }
    }
}
