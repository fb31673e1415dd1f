using System.Collections.Concurrent;
using Collaboration.Domain.Kernel;
using Collaboration.Projections.Running;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Running;

/// <summary>
/// The position a hub client may resume from (issue 14's crash-run finding): every change at or below an announced
/// position has been published before the announcement, even when one projection sits out after a failure and
/// publishes its changes below the others' later.
/// </summary>
public sealed class PublishedThroughTests : IAsyncLifetime
{
    private readonly TempStore temp = new();

    public Task InitializeAsync() => temp.InitializeAsync();

    public Task DisposeAsync() => temp.DisposeAsync();

    [Fact]
    public async Task a_projection_retried_after_a_failure_holds_back_the_announced_position_until_its_changes_are_out()
    {
        var publisher = new OrderedPublisher();
        var flaky = new FlakyFeedProjection();
        var runner = temp.Runner(publisher, new CountingProjection(), flaky);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);

        var first = await AppendAsync();
        await runner.WaitForAsync(first).WaitAsync(TimeSpan.FromSeconds(10));
        flaky.FailOnce(first + 1);
        var failing = await AppendAsync();
        var after = await AppendAsync();
        // The counting view moves past the failing event at once; the feed catches up a retry later.
        await runner.WaitForAsync(after).WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await running;

        flaky.Failures.Should().Be(1, "the feed projection sat out once");
        var sequence = publisher.Sequence.ToList();
        sequence.Should().Contain(s => s.Change != null && s.Change.View == FlakyFeedProjection.ViewName && s.Change.Position == failing);
        sequence.Should().Contain(s => s.Announced == after, "the position is announced once every projection reached it");
        for (var i = 0; i < sequence.Count; i++)
        {
            if (sequence[i].Announced is not { } announced)
            {
                continue;
            }

            var late = sequence.Skip(i + 1).Where(s => s.Change is { } c && c.Position <= announced).Select(s => $"{s.Change!.View}@{s.Change.Position}").ToList();
            late.Should().BeEmpty("nothing at or below {0} may be published after {0} was announced", announced);
        }

        sequence.Where(s => s.Announced is not null).Select(s => s.Announced!.Value).Should().BeInAscendingOrder();
    }

    private async Task<long> AppendAsync()
    {
        var commitment = CommitmentId.New();
        return await temp.AppendAsync(Events.Stream(commitment), Events.Proposed(commitment, MemorandumId.New(), PartnerId.New(), 1m, new DateOnly(2025, 6, 30)));
    }

    /// <summary>Publishes its pushes and announcements into one ordered sequence.</summary>
    private sealed class OrderedPublisher : IViewChangePublisher
    {
        public ConcurrentQueue<(StoredView? Change, long? Announced)> Sequence { get; } = new();

        public Task PublishAsync(IReadOnlyList<StoredView> changes, CancellationToken ct)
        {
            foreach (var change in changes)
            {
                Sequence.Enqueue((change, null));
            }

            return Task.CompletedTask;
        }

        public Task PublishedThroughAsync(long position, CancellationToken ct)
        {
            Sequence.Enqueue((null, position));
            return Task.CompletedTask;
        }
    }

    /// <summary>A feed entry per event; throws the first time it meets a chosen position, as a bug or a bad event would.</summary>
    private sealed class FlakyFeedProjection : IProjection
    {
        public const string ViewName = "test-flaky-feed";

        private long failAt = -1;
        private int failures;

        public string Name => ViewName;

        public int Version => 1;

        public int Failures => Volatile.Read(ref failures);

        public void FailOnce(long position) => Interlocked.Exchange(ref failAt, position);

        public async ValueTask ApplyAsync(ProjectedEvent projected, IProjectionContext context, CancellationToken ct)
        {
            if (Interlocked.CompareExchange(ref failAt, -1, projected.Position) == projected.Position)
            {
                Interlocked.Increment(ref failures);
                throw new InvalidOperationException($"Simulated failure at {projected.Position}.");
            }

            await context.Views.AddToFeedAsync(ViewScope.OfficeOnly, ct);
        }
    }
}
