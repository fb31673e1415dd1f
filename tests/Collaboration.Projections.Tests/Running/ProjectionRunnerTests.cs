using Collaboration.Domain.Kernel;
using Collaboration.Projections.CommitmentDetails;
using Collaboration.Projections.MemorandumProgress;
using Collaboration.Projections.Running;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Running;

public sealed class ProjectionRunnerTests : IAsyncLifetime
{
    private readonly TempStore temp = new();

    public Task InitializeAsync() => temp.InitializeAsync();

    public Task DisposeAsync() => temp.DisposeAsync();

    [Fact]
    public async Task catching_up_writes_the_view_and_the_checkpoint_to_the_head()
    {
        var memorandum = MemorandumId.New();
        var partner = PartnerId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, partner));
        var runner = temp.Runner(null, new MemorandumProgressProjection());

        await runner.CatchUpAsync();

        var stored = await runner.Views.GetAsync(MemorandumProgressProjection.ViewName, memorandum.Value.ToString());
        stored.Should().NotBeNull();
        stored!.Scope.Audiences.Should().Equal(ViewScope.Organisation(partner.Value));
        runner.CheckpointOf(MemorandumProgressProjection.ViewName).Should().Be(temp.Store.CommittedPosition);
        (await runner.LagOfAsync(MemorandumProgressProjection.ViewName)).Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task a_patched_document_takes_the_scope_of_the_last_scope_function_given_in_the_batch(bool rebuild)
    {
        // The writer wraps a document's scope function once while the same one comes with every patch; a different
        // one must still replace it.
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New(), PartnerId.New(), PartnerId.New()));
        temp.Store.CommittedPosition.Should().Be(4, "the first event (position 1) is given the other scope function than the last");
        var runner = temp.Runner(null, new ScopeSwitching());
        await runner.CatchUpAsync();
        if (rebuild)
        {
            await runner.RebuildAsync(ScopeSwitching.ViewName);
        }

        var stored = await runner.Views.GetAsync(ScopeSwitching.ViewName, ScopeSwitching.Key);
        stored!.Scope.Should().Be(ViewScope.Everyone);
        stored.Json.Should().ContainEquivalentOf("\"lastPosition\":4", "the latest patch of the part was applied");
    }

    [Fact]
    public async Task lag_is_the_head_position_minus_the_checkpoint()
    {
        var runner = temp.Runner(null, new CountingProjection());
        await runner.StartAsync();
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New(), PartnerId.New()));

        (await runner.LagOfAsync(CountingProjection.ViewName)).Should().Be(3);
        (await runner.MaxLagAsync()).Should().Be(3);
        runner.ObservedLagOf(CountingProjection.ViewName).Should().Be(3, "the cheap probe for gauges remembers the head last read");
    }

    [Fact]
    public async Task a_crash_between_the_view_write_and_the_checkpoint_leaves_no_double_effect()
    {
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New()));
        var crashing = temp.Runner(null, new CountingProjection());
        crashing.CrashBeforeCheckpoint = _ => true;

        var crash = () => crashing.CatchUpAsync();

        await crash.Should().ThrowAsync<InvalidOperationException>();
        (await crashing.Views.GetAsync(CountingProjection.ViewName, "all")).Should().BeNull("the view write rolled back with the checkpoint");
        await temp.ReopenAsync();
        var restarted = temp.Runner(null, new CountingProjection());
        await restarted.CatchUpAsync();
        var count = await ReadCountAsync(restarted);
        count.Events.Should().Be(2);
        count.LastPosition.Should().Be(2);
    }

    [Fact]
    public async Task a_restarted_runner_resumes_from_its_checkpoint_without_reapplying_events()
    {
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New()));
        await temp.Runner(null, new CountingProjection()).CatchUpAsync();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(MemorandumId.New())[0]);
        await temp.ReopenAsync();

        var restarted = temp.Runner(null, new CountingProjection());
        await restarted.CatchUpAsync();

        (await ReadCountAsync(restarted)).Events.Should().Be(3);
    }

    [Fact]
    public async Task a_batch_that_writes_no_document_advances_the_checkpoint_without_committing_it()
    {
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New()));
        var runner = temp.Runner(null, new CommitmentDetailProjection());

        await runner.CatchUpAsync();

        runner.CheckpointOf(CommitmentDetailProjection.ViewName).Should().Be(temp.Store.CommittedPosition);
        (await runner.Views.ActiveCheckpointAsync(CommitmentDetailProjection.ViewName)).Should().Be(0, "moving only the checkpoint is not worth a commit");
        await temp.ReopenAsync();
        var restarted = temp.Runner(null, new CommitmentDetailProjection());
        await restarted.CatchUpAsync();
        restarted.CheckpointOf(CommitmentDetailProjection.ViewName).Should().Be(temp.Store.CommittedPosition, "re-reading events that wrote nothing is harmless");
    }

    [Fact]
    public async Task the_live_follower_publishes_only_committed_documents_with_their_position()
    {
        var publisher = new CollectingPublisher();
        var runner = temp.Runner(publisher, new CommitmentDetailProjection());
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);
        var commitment = CommitmentId.New();
        var owner = PartnerId.New();

        var position = await temp.AppendAsync(Events.Stream(commitment), Events.Proposed(commitment, MemorandumId.New(), owner, 1m, new DateOnly(2025, 6, 30)));
        await runner.WaitForAsync(position).WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await running;

        publisher.Changes.Should().ContainSingle().Which.Should().Match<StoredView>(c =>
            c.View == CommitmentDetailProjection.ViewName && c.Key == commitment.Value.ToString() && c.Position == position);
        (await runner.Views.GetAsync(CommitmentDetailProjection.ViewName, commitment.Value.ToString())).Should().NotBeNull();
    }

    [Fact]
    public async Task a_rebuilt_view_equals_the_live_one_and_is_swapped_in()
    {
        var projections = new IProjection[] { new MemorandumProgressProjection(), new CommitmentDetailProjection() };
        var runner = temp.Runner(null, projections);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);
        await AppendScenarioAsync();
        await runner.WaitForAsync(temp.Store.CommittedPosition).WaitAsync(TimeSpan.FromSeconds(10));
        var live = await SnapshotAsync(runner);

        var rebuild = runner.RebuildAsync(MemorandumProgressProjection.ViewName);
        var during = await temp.AppendAsync(Events.Stream(MemorandumId.New()), Events.MemorandumWithParties(MemorandumId.New()));
        await rebuild;
        await runner.WaitForAsync(during).WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await running;

        var rebuilt = await SnapshotAsync(runner);
        var replayed = await ProjectionReplayer.ReplayAsync(projections, temp.Store.ReadAllAsync(), TempStore.Serializer);
        rebuilt.Where(d => live.Any(l => l.Key == d.Key)).Should().BeEquivalentTo(live);
        rebuilt.Should().BeEquivalentTo(replayed.All.Where(d => d.View == MemorandumProgressProjection.ViewName));
        rebuilt.Should().HaveCount(live.Count + 1, "the memorandum drafted during the rebuild is in the swapped-in view");
    }

    private async Task AppendScenarioAsync()
    {
        var memorandum = MemorandumId.New();
        var a = PartnerId.New();
        var b = PartnerId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, a, b));
        var first = CommitmentId.New();
        var second = CommitmentId.New();
        var milestone = MilestoneId.New();
        await temp.AppendAsync(Events.Stream(first), Events.Proposed(first, memorandum, a, 2m, new DateOnly(2025, 6, 30)), Events.Accepted(first),
            Events.Milestone(first, milestone, 40m, new DateOnly(2024, 12, 1)), Events.MilestoneDone(first, milestone));
        await temp.AppendAsync(Events.Stream(second), Events.Proposed(second, memorandum, b, 1m, new DateOnly(2025, 3, 31)), Events.Accepted(second));
        await temp.AppendAsync(Events.Stream(second), Events.ApprovedReport(second, 70m));
    }

    private static async Task<List<StoredView>> SnapshotAsync(ProjectionRunner runner) =>
        [.. await runner.Views.ListAsync(MemorandumProgressProjection.ViewName, audiences: null)];

    private static async Task<CountingProjection.Count> ReadCountAsync(ProjectionRunner runner)
    {
        var stored = await runner.Views.GetAsync(CountingProjection.ViewName, "all");
        return ViewJson.Deserialize<CountingProjection.Count>(stored!.Json!)!;
    }
    /// <summary>Patches one document per event, with a scope function that alternates between two static ones.</summary>
    private sealed class ScopeSwitching : IProjection
    {
        public const string ViewName = "test-scope-switching";

        public const string Key = "one";

        private static readonly Func<CountingProjection.Count, ViewScope> Public = _ => ViewScope.Everyone;

        private static readonly Func<CountingProjection.Count, ViewScope> Office = _ => ViewScope.OfficeOnly;

        public string Name => ViewName;

        public int Version => 1;

        public ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct) =>
            context.Views.PatchAsync(
                Key,
                "count",
                (CountingProjection.Count? current) => new CountingProjection.Count((current?.Events ?? 0) + 1, projected.Position),
                projected.Position % 2 == 0 ? Public : Office,
                ct);
    }
}
