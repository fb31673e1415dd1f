using Collaboration.Projections.Running;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.ViewStoreContract;

public abstract partial class ViewStoreContract
{
    [SkippableFact]
    public async Task a_generation_is_built_beside_the_active_one_and_swapped_in_with_its_checkpoint_in_one_commit()
    {
        var live = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            t.Write(View, live, "a", 1, ViewScope.Everyone, Json(1));
            t.AddToFeed(View, live, Entry(1), ViewScope.Everyone);
            t.WriteCheckpoint(View, live, 1);
        });

        var next = await Views.CreateGenerationAsync(View);
        next.Should().BeGreaterThan(live);
        await CommitAsync(t =>
        {
            t.Write(View, next, "a", 2, ViewScope.Everyone, Json(2));
            t.Write(View, next, "b", 2, ViewScope.Everyone, Json(3));
            t.WriteCheckpoint(View, next, 2);
        });

        (await Views.ListAsync(View, null)).Select(d => d.Json).Should().Equal([Json(1), ViewJson.Serialize(Entry(1))], "queries read the active generation while the next is built");
        (await Views.ActiveCheckpointAsync(View)).Should().Be(1);
        var everything = new Projections.Storage.ViewPageQuery(View, null, [], ByDue, null, 1);
        (await Views.CountAsync(everything)).Should().Be(1, "the active generation's one document is counted, not the next one's");

        // Written in the swap's own transaction, after the activation: counted with the rest.
        await CommitAsync(t =>
        {
            t.Activate(View, next, 2);
            t.Write(View, next, "c", 3, ViewScope.Everyone, Json(4));
            t.Write(View, next, "c", 3, ViewScope.Everyone, json: null);
            t.Write(View, next, "d", 3, ViewScope.Everyone, json: null);
        });
        await Views.DropGenerationAsync(View, live);

        (await Views.CountAsync(everything)).Should().Be(2, "the swapped-in generation counts its own live documents");
        (await Views.ListAsync(View, null)).Select(d => d.Json).Should().Equal(Json(2), Json(3));
        (await Views.ReadActiveAsync()).Should().ContainSingle(g => g.Projection == View).Which.Should().Be(new Projections.Storage.ProjectionGeneration(View, next, 2, 2, 2));
        await using var reads = Views.OpenReads();
        (await reads.ReadAsync(View, live, "a", CancellationToken.None)).Should().BeNull("the old generation was dropped");
    }

    [SkippableFact]
    public async Task a_new_generation_drops_what_an_interrupted_rebuild_left_and_never_the_active_one()
    {
        var live = await ActiveGenerationAsync();
        await CommitAsync(t => t.Write(View, live, "a", 1, ViewScope.Everyone, Json(1)));
        var interrupted = await Views.CreateGenerationAsync(View);
        await CommitAsync(t => t.Write(View, interrupted, "a", 1, ViewScope.Everyone, Json(9)));

        var next = await Views.CreateGenerationAsync(View);

        next.Should().BeGreaterThan(interrupted, "generation numbers are never reused");
        await using var reads = Views.OpenReads();
        (await reads.ReadAsync(View, interrupted, "a", CancellationToken.None)).Should().BeNull();
        (await reads.ReadAsync(View, live, "a", CancellationToken.None)).Should().NotBeNull();
        (await Views.GetAsync(View, "a"))!.Json.Should().Be(Json(1));
    }

    [SkippableFact]
    public async Task another_instance_sees_a_swap_at_once()
    {
        var live = await ActiveGenerationAsync();
        await CommitAsync(t => t.Write(View, live, "a", 1, ViewScope.Everyone, Json(1)));
        var other = await OpenAnotherAsync();

        var next = await other.CreateGenerationAsync(View);
        await CommitAsync(t => { t.Write(View, next, "a", 2, ViewScope.Everyone, Json(2)); t.WriteCheckpoint(View, next, 2); t.Activate(View, next, 1); }, other);

        (await Views.ReadActiveAsync()).Should().ContainSingle(g => g.Projection == View).Which.Generation.Should().Be(next);
        (await Views.GetAsync(View, "a"))!.Json.Should().Be(Json(2));
    }

    [SkippableFact]
    public async Task the_runner_rebuilds_beside_the_live_view_and_swaps_in_an_equal_one()
    {
        var last = await AppendAsync(4);
        var runner = Runner();
        await runner.CatchUpAsync().WaitAsync(Patience);
        var before = await Views.ListAsync(ContractCounting.ViewName, null);
        var generation = (await Views.RegisterAsync(ContractCounting.ViewName, 1)).Generation;

        await runner.RebuildAsync(ContractCounting.ViewName).WaitAsync(Patience);

        (await Views.RegisterAsync(ContractCounting.ViewName, 1)).Generation.Should().BeGreaterThan(generation);
        (await Views.ListAsync(ContractCounting.ViewName, null)).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        (await CountAsync()).Should().Be(new ContractCounting.Count(4, last));
        runner.CheckpointOf(ContractCounting.ViewName).Should().Be(last);
    }

    [SkippableFact]
    public async Task a_following_runner_adopts_a_generation_another_process_swapped_in_and_counts_each_event_once()
    {
        await AppendAsync(2);
        var follower = Runner();
        using var stop = new CancellationTokenSource();
        var running = follower.RunAsync(stop.Token);
        await follower.WaitForAsync(2).WaitAsync(Patience);

        // collab rebuild in another process: its own runner over its own instance of the store.
        var other = await OpenAnotherAsync();
        await Runner(other).RebuildAsync(ContractCounting.ViewName).WaitAsync(Patience);
        await Task.Delay(ProjectionRunner.SwapCheckInterval * 2);
        var last = await AppendAsync(1);
        await follower.WaitForAsync(last).WaitAsync(Patience);
        await stop.CancelAsync();
        await running.WaitAsync(Patience);

        (await CountAsync()).Should().Be(new ContractCounting.Count(3, last), "the event after the swap lands in the generation queries read, counted once");
        (await CountAsync(other)).Should().Be(new ContractCounting.Count(3, last));
        (await Views.LatestAsync(ContractCounting.ViewName, null, 10)).Select(e => e.Position).Should().Equal(3, 2, 1);
    }
}
