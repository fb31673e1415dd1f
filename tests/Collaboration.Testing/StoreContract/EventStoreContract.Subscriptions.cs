using Collaboration.EventStore;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.StoreContract;

public abstract partial class EventStoreContract
{
    [SkippableFact]
    public async Task a_subscription_hands_over_from_catch_up_to_live_without_gap_or_duplicate()
    {
        for (var i = 0; i < 30; i++)
        {
            await AppendedAsync(NewStream(), ExpectedRevision.NoStream, NewEvents(2));
        }

        const int total = 60 + (10 * 15);
        using var cts = new CancellationTokenSource(Patience);
        var received = new List<RecordedEvent>();
        var subscriber = Task.Run(async () =>
        {
            await foreach (var e in Store.SubscribeToAllAsync(0, cts.Token))
            {
                received.Add(e);
                if (received.Count == total)
                {
                    return;
                }
            }
        });
        var writers = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            var stream = NewStream("talent-case");
            for (var i = 0; i < 15; i++)
            {
                await AppendedAsync(stream, i == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly(i - 1), NewEvent());
            }
        }));

        await Task.WhenAll(writers);
        await subscriber.WaitAsync(Patience);

        received.Should().HaveCount(total);
        ShouldBeDense(received);
        received.Select(e => e.EventId).Should().Equal((await ReadAllAsync()).Select(e => e.EventId));
    }

    [SkippableFact]
    public async Task a_subscription_starts_after_its_checkpoint()
    {
        await AppendedAsync(NewStream(), ExpectedRevision.NoStream, NewEvents(5));
        using var cts = new CancellationTokenSource(Patience);

        var first = new List<long>();
        await foreach (var e in Store.SubscribeToAllAsync(3, cts.Token))
        {
            first.Add(e.Position);
            if (first.Count == 2)
            {
                break;
            }
        }

        first.Should().Equal(4, 5);
    }

    [SkippableFact]
    public async Task a_subscription_waiting_for_live_events_ends_with_cancellation()
    {
        await AppendedAsync(NewStream(), ExpectedRevision.NoStream, NewEvents(2));
        using var cts = new CancellationTokenSource();
        var received = 0;

        var subscriber = Task.Run(async () =>
        {
            await foreach (var unused in Store.SubscribeToAllAsync(0, cts.Token))
            {
                if (++received == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });

        await subscriber.Invoking(s => s.WaitAsync(Patience)).Should().ThrowAsync<OperationCanceledException>();
        received.Should().Be(2);
    }

    [SkippableFact]
    public async Task cancelling_a_subscription_while_it_is_idle_ends_it()
    {
        using var cts = new CancellationTokenSource();
        var enumerator = Store.SubscribeToAllAsync(0, cts.Token).GetAsyncEnumerator(cts.Token);
        try
        {
            var next = enumerator.MoveNextAsync().AsTask();
            await Task.Delay(50);
            next.IsCompleted.Should().BeFalse("nothing has been written yet");

            await cts.CancelAsync();

            await next.Invoking(n => n.WaitAsync(Patience)).Should().ThrowAsync<OperationCanceledException>();
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task a_slow_subscriber_does_not_block_writers_and_still_sees_everything_in_order()
    {
        const int total = 120;
        using var cts = new CancellationTokenSource(Patience * 2);
        var received = new List<RecordedEvent>();
        var firstReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = Task.Run(async () =>
        {
            await foreach (var e in Store.SubscribeToAllAsync(0, cts.Token))
            {
                received.Add(e);
                firstReceived.TrySetResult();
                if (received.Count == total)
                {
                    return;
                }

                await Task.Delay(received.Count < 10 ? 30 : 1, cts.Token);
            }
        });
        var stream = NewStream();
        await AppendedAsync(stream, ExpectedRevision.NoStream, NewEvent());
        await firstReceived.Task.WaitAsync(Patience);

        var writing = Task.Run(async () =>
        {
            for (var i = 1; i < total; i++)
            {
                await AppendedAsync(stream, ExpectedRevision.Exactly(i - 1), NewEvent());
            }
        });
        await writing.WaitAsync(Patience);
        var seenWhenWritersFinished = received.Count;
        await subscriber.WaitAsync(Patience);

        seenWhenWritersFinished.Should().BeLessThan(total, "the writers finished while the subscriber was still behind");
        received.Should().HaveCount(total);
        ShouldBeDense(received);
        received.Select(e => e.Revision).Should().BeInAscendingOrder();
    }
}
