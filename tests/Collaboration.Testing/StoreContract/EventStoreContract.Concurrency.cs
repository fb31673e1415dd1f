using System.Collections.Concurrent;
using Collaboration.EventStore;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.StoreContract;

public abstract partial class EventStoreContract
{
    [SkippableFact]
    public async Task fifty_concurrent_writers_on_one_stream_get_exactly_one_winner_per_revision()
    {
        const int writers = 50;
        const int eventsPerWriter = 3;
        var stream = NewStream();
        var wins = new ConcurrentBag<(long Revision, Guid EventId)>();
        var conflicts = 0;

        async Task WriteAsync()
        {
            for (var written = 0; written < eventsPerWriter;)
            {
                var current = await Store.ReadStreamRevisionAsync(stream);
                var expected = current is { } r ? ExpectedRevision.Exactly(r) : ExpectedRevision.NoStream;
                var e = NewEvent();
                switch (await AppendAsync(stream, expected, e))
                {
                    case AppendResult.Appended a:
                        a.FirstRevision.Should().Be((current ?? -1) + 1);
                        wins.Add((a.FirstRevision, e.EventId));
                        written++;
                        break;
                    case AppendResult.WrongExpectedRevision w:
                        w.ActualRevision.Should().NotBe(current);
                        Interlocked.Increment(ref conflicts);
                        break;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync))).WaitAsync(Patience);

        wins.Select(w => w.Revision).Should().OnlyHaveUniqueItems().And.HaveCount(writers * eventsPerWriter);
        var read = await ReadStreamAsync(stream);
        read.Select(e => e.Revision).Should().Equal(Enumerable.Range(0, writers * eventsPerWriter).Select(i => (long)i));
        read.Select(e => e.EventId).Should().Equal(wins.OrderBy(w => w.Revision).Select(w => w.EventId), "no acknowledged event is lost");
        ShouldBeDense(await ReadAllAsync());
    }

    [SkippableFact]
    public async Task fifty_concurrent_writers_on_many_streams_produce_a_dense_log_in_commit_order()
    {
        const int writers = 50;
        const int appendsPerWriter = 4;
        var acknowledged = new ConcurrentBag<(int Writer, int Sequence, long Position, Guid EventId)>();

        async Task WriteAsync(int writer)
        {
            var stream = NewStream("partner");
            for (var i = 0; i < appendsPerWriter; i++)
            {
                var e = NewEvent();
                var expected = i == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly(i - 1);
                var appended = await AppendedAsync(stream, expected, e);
                acknowledged.Add((writer, i, appended.FirstPosition, e.EventId));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(w)))).WaitAsync(Patience);

        var all = await ReadAllAsync();
        all.Should().HaveCount(writers * appendsPerWriter);
        ShouldBeDense(all);
        var byPosition = all.ToDictionary(e => e.Position, e => e.EventId);
        acknowledged.Should().OnlyContain(a => byPosition[a.Position] == a.EventId, "each acknowledgement names where the event is");
        foreach (var writer in acknowledged.GroupBy(a => a.Writer))
        {
            writer.OrderBy(a => a.Sequence).Select(a => a.Position).Should().BeInAscendingOrder(
                "an append acknowledged before another started is earlier in the log");
        }
    }

    [SkippableFact]
    public async Task concurrent_appends_with_the_same_ids_write_once_and_both_get_the_result()
    {
        var stream = NewStream();
        var events = NewEvents(2);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => AppendAsync(stream, ExpectedRevision.NoStream, events))));

        var appended = results.Should().AllBeOfType<AppendResult.Appended>().Subject.ToList();
        appended.Count(a => !a.WasIdempotentReplay).Should().Be(1);
        appended.Select(a => a with { WasIdempotentReplay = false }).Distinct().Should().ContainSingle();
        (await ReadAllAsync()).Should().HaveCount(2);
    }
}
