using Collaboration.Domain.Kernel;
using Collaboration.Projections.Running;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Running;

/// <summary>
/// A node that leads again after another node ran the projections meanwhile (ADR 0022) reloads the committed checkpoints
/// first: it applies only what came after the other node's last commit.
/// </summary>
public sealed class LeaderHandoverTests : IAsyncLifetime
{
    private readonly TempStore temp = new();

    public Task InitializeAsync() => temp.InitializeAsync();

    public Task DisposeAsync() => temp.DisposeAsync();

    [Fact]
    public async Task a_runner_that_reloads_resumes_from_the_checkpoint_another_runner_committed_and_applies_nothing_twice()
    {
        var first = temp.Runner(null, new CountingProjection());
        var second = temp.Runner(null, new CountingProjection());
        await AppendMemorandumAsync();
        await first.CatchUpAsync();
        await AppendMemorandumAsync();
        await second.CatchUpAsync();
        await AppendMemorandumAsync();

        await first.ReloadAsync();
        first.CheckpointOf(CountingProjection.ViewName).Should().Be(6, "the reload reads what the other runner committed");
        await first.CatchUpAsync();

        var count = await ReadCountAsync(first);
        count.Events.Should().Be(9, "every event counted once");
        count.LastPosition.Should().Be(9);
        (await first.CommittedCheckpointAsync()).Should().Be(9);
    }

    private async Task AppendMemorandumAsync()
    {
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New(), PartnerId.New()));
    }

    private static async Task<CountingProjection.Count> ReadCountAsync(ProjectionRunner runner)
    {
        var stored = await runner.Views.GetAsync(CountingProjection.ViewName, "all");
        return ViewJson.Deserialize<CountingProjection.Count>(stored!.Json!)!;
    }
}
