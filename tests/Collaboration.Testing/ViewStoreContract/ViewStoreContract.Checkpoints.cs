using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.ViewStoreContract;

public abstract partial class ViewStoreContract
{
    [SkippableFact]
    public async Task registering_creates_generation_one_at_checkpoint_zero_once_and_keeps_the_code_version_that_built_it()
    {
        var first = await Views.RegisterAsync(View, 1);
        var again = await Views.RegisterAsync(View, 2);

        first.Should().Be(new Projections.Storage.ProjectionGeneration(View, first.Generation, 1, 0, 0));
        again.Should().Be(first, "a changed code version is the runner's cue to rebuild, not a new generation");
        (await Views.ActiveCheckpointAsync(View)).Should().Be(0);
        (await Views.ActiveCheckpointAsync("never-ran")).Should().BeNull();
    }

    [SkippableFact]
    public async Task the_checkpoint_commits_with_the_batchs_documents_and_feed()
    {
        var generation = await ActiveGenerationAsync();

        await CommitAsync(t =>
        {
            t.Write(View, generation, "a", 5, ViewScope.Everyone, Json(1));
            t.AddToFeed(View, generation, Entry(5), ViewScope.Everyone);
            t.WriteCheckpoint(View, generation, 5);
        });

        (await Views.ActiveCheckpointAsync(View)).Should().Be(5);
        (await Views.ReadActiveAsync()).Should().ContainSingle(g => g.Projection == View).Which.Checkpoint.Should().Be(5);
        (await Views.ListAsync(View, null)).Select(d => d.Position).Should().Equal(5, 5);
    }

    [SkippableFact]
    public async Task a_generation_says_which_checkpoint_last_changed_its_documents_or_feed_through_commits_that_changed_only_another_view()
    {
        var generation = await ActiveGenerationAsync();
        var other = (await Views.RegisterAsync("contract-other", 1)).Generation;
        async Task<(long Checkpoint, long Changed)> StandingAsync(IViewStore views, string view) =>
            (await views.ReadActiveAsync()).Where(g => g.Projection == view).Select(g => (g.Checkpoint, g.Changed)).Single();

        await CommitAsync(t =>
        {
            t.Write(View, generation, "a", 3, ViewScope.Everyone, Json(1));
            t.WriteCheckpoint(View, generation, 3);
            t.WriteCheckpoint("contract-other", other, 3);
        });
        (await StandingAsync(Views, View)).Should().Be((3L, 3L));
        (await StandingAsync(Views, "contract-other")).Should().Be((3L, 0L), "its checkpoint moved with the batch, its documents did not change");

        await CommitAsync(t =>
        {
            t.Write("contract-other", other, "x", 4, ViewScope.Everyone, Json(2));
            t.WriteCheckpoint(View, generation, 4);
            t.WriteCheckpoint("contract-other", other, 4);
        });
        (await StandingAsync(Views, View)).Should().Be((4L, 3L), "a batch that changed only the other view leaves this one's change where it was");
        (await StandingAsync(Views, "contract-other")).Should().Be((4L, 4L));

        await CommitAsync(t =>
        {
            t.AddToFeed(View, generation, Entry(5), ViewScope.Everyone);
            t.WriteCheckpoint(View, generation, 5);
        });
        (await StandingAsync(Views, View)).Should().Be((5L, 5L), "a feed entry is a change");

        await CommitAsync(t =>
        {
            t.Write(View, generation, "a", 6, ViewScope.Everyone, json: null);
            t.WriteCheckpoint(View, generation, 6);
            t.WriteCheckpoint("contract-other", other, 6);
        });
        (await StandingAsync(Views, View)).Should().Be((6L, 6L), "a removal is a change");
        (await StandingAsync(await OpenAnotherAsync(), "contract-other")).Should().Be((6L, 4L), "another process reads the same");
    }

    [SkippableFact]
    public async Task a_crash_between_the_writes_and_the_commit_leaves_nothing_visible_and_the_checkpoint_unchanged()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            t.Write(View, generation, "a", 1, ViewScope.Everyone, Json(1));
            t.WriteCheckpoint(View, generation, 1);
        });

        await using (var crashing = await Views.BeginAsync())
        {
            crashing.Write(View, generation, "a", 2, ViewScope.Everyone, Json(2));
            crashing.Write(View, generation, "b", 2, ViewScope.Everyone, Json(3));
            crashing.AddToFeed(View, generation, Entry(2), ViewScope.Everyone);
            crashing.WriteCheckpoint(View, generation, 2);
            // Disposed without a commit, as a process dying here would leave it.
        }

        (await Views.GetAsync(View, "a")).Should().BeEquivalentTo(new StoredView(View, "a", 1, Json(1), ViewScope.Everyone));
        (await Views.GetAsync(View, "b")).Should().BeNull();
        (await Views.LatestAsync(View, null, 10)).Should().BeEmpty();
        (await Views.ActiveCheckpointAsync(View)).Should().Be(1);

        // The next batch goes through: nothing of the abandoned one holds the store.
        await CommitAsync(t => t.WriteCheckpoint(View, generation, 3)).WaitAsync(Patience);
        (await Views.ActiveCheckpointAsync(View)).Should().Be(3);
    }

    [SkippableFact]
    public async Task the_runner_resumes_from_the_committed_checkpoint_without_applying_an_event_twice()
    {
        await AppendAsync(3);
        await Runner().CatchUpAsync().WaitAsync(Patience);
        var last = await AppendAsync(2);

        // A restarted process: a new runner on a new instance of the store.
        var restarted = Runner(await OpenAnotherAsync());
        await restarted.CatchUpAsync().WaitAsync(Patience);

        (await CountAsync()).Should().Be(new ContractCounting.Count(5, last));
        restarted.CheckpointOf(ContractCounting.ViewName).Should().Be(last);
        (await Views.ActiveCheckpointAsync(ContractCounting.ViewName)).Should().Be(last);
        (await Views.LatestAsync(ContractCounting.ViewName, null, 10)).Select(e => e.Position).Should().Equal(5, 4, 3, 2, 1);
    }
}
