using Collaboration.Domain.Kernel;
using Collaboration.Projections.Running;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Running;

public sealed class RebuildWhileServingTests : IAsyncLifetime
{
    private readonly TempStore temp = new();

    public Task InitializeAsync() => temp.InitializeAsync();

    public Task DisposeAsync() => temp.DisposeAsync();

    [Fact]
    public async Task queries_keep_answering_from_the_old_generation_until_the_rebuilt_one_is_swapped_in()
    {
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New()));
        var gated = new GatedCounting();
        var runner = temp.Runner(null, gated);
        await runner.CatchUpAsync();
        var before = await runner.Views.ListAsync(CountingProjection.ViewName, audiences: null);

        gated.Close();
        var rebuild = runner.RebuildAsync(CountingProjection.ViewName);
        await gated.Blocked.WaitAsync(TimeSpan.FromSeconds(10));
        var during = await runner.Views.ListAsync(CountingProjection.ViewName, audiences: null);
        gated.Open();
        await rebuild.WaitAsync(TimeSpan.FromSeconds(10));
        var after = await runner.Views.ListAsync(CountingProjection.ViewName, audiences: null);

        during.Should().BeEquivalentTo(before, "the old generation keeps serving while the new one is built");
        after.Should().BeEquivalentTo(before, "the rebuilt view equals the one it replaced");
        runner.CheckpointOf(CountingProjection.ViewName).Should().Be(2);
    }

    [Fact]
    public async Task a_tracker_follows_a_generation_another_process_rebuilt_and_swapped_in()
    {
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New()));
        var tracker = temp.Runner(null, new CountingProjection());
        using var stop = new CancellationTokenSource();
        var running = tracker.RunAsync(stop.Token);
        await tracker.WaitForAsync(2).WaitAsync(TimeSpan.FromSeconds(10));

        // collab rebuild in another process: its own runner over the same database.
        await temp.Runner(null, new CountingProjection()).RebuildAsync(CountingProjection.ViewName);
        await Task.Delay(ProjectionRunner.SwapCheckInterval * 2);
        var last = await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(MemorandumId.New())[0]);
        await tracker.WaitForAsync(last).WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await running;

        var count = ViewJson.Deserialize<CountingProjection.Count>((await tracker.Views.GetAsync(CountingProjection.ViewName, "all"))!.Json!)!;
        count.Should().Be(new CountingProjection.Count(3, last), "the event after the swap lands in the generation queries read, counted once");
    }

    /// <summary>Counts like <see cref="CountingProjection"/>, but can be held at the first event to observe a rebuild in flight.</summary>
    private sealed class GatedCounting : IProjection
    {
        private readonly CountingProjection inner = new();
        private TaskCompletionSource gate = CompletedGate();
        private TaskCompletionSource blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => inner.Name;

        public int Version => inner.Version;

        public Task Blocked => blocked.Task;

        public void Close()
        {
            blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Open() => gate.TrySetResult();

        public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
        {
            if (!gate.Task.IsCompleted)
            {
                blocked.TrySetResult();
                await gate.Task.WaitAsync(ct);
            }

            await inner.ApplyAsync(projected, context, ct);
        }

        private static TaskCompletionSource CompletedGate()
        {
            var open = new TaskCompletionSource();
            open.SetResult();
            return open;
        }
    }
}
