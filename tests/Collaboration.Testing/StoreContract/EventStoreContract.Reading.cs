using Collaboration.EventStore;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.StoreContract;

public abstract partial class EventStoreContract
{
    [SkippableFact]
    public async Task an_empty_log_has_head_zero_and_nothing_to_read()
    {
        (await Store.ReadHeadPositionAsync()).Should().Be(0);
        (await ReadAllAsync()).Should().BeEmpty();
        (await ReadStreamAsync("absent")).Should().BeEmpty();
        (await Store.ReadStreamRevisionAsync("absent")).Should().BeNull();
        var head = await Store.ReadChainHeadAsync();
        head.Position.Should().Be(0);
        head.Hash.ToArray().Should().Equal(new byte[32]);
    }

    [SkippableFact]
    public async Task a_stream_reads_forwards_from_a_revision_with_max_count()
    {
        var stream = NewStream();
        var events = NewEvents(10);
        await AppendedAsync(stream, ExpectedRevision.NoStream, events);

        var read = await ReadStreamAsync(stream, ReadDirection.Forwards, fromRevision: 3, maxCount: 4);

        read.Select(e => e.Revision).Should().Equal(3, 4, 5, 6);
        read.Select(e => e.EventId).Should().Equal(events[3..7].Select(e => e.EventId));
    }

    [SkippableFact]
    public async Task a_stream_reads_backwards_from_the_end_or_from_a_revision()
    {
        var stream = NewStream();
        await AppendedAsync(stream, ExpectedRevision.NoStream, NewEvents(6));

        var fromEnd = await ReadStreamAsync(stream, ReadDirection.Backwards, maxCount: 2);
        var fromThree = await ReadStreamAsync(stream, ReadDirection.Backwards, fromRevision: 3);

        fromEnd.Select(e => e.Revision).Should().Equal(5, 4);
        fromThree.Select(e => e.Revision).Should().Equal(3, 2, 1, 0);
    }

    [SkippableFact]
    public async Task a_stream_holds_only_its_own_events_in_revision_order()
    {
        var a = NewStream();
        var b = NewStream();
        await AppendedAsync(a, ExpectedRevision.NoStream, NewEvent());
        await AppendedAsync(b, ExpectedRevision.NoStream, NewEvent());
        await AppendedAsync(a, ExpectedRevision.Exactly(0), NewEvents(2));

        var read = await ReadStreamAsync(a);

        read.Should().OnlyContain(e => e.Stream == a);
        read.Select(e => e.Revision).Should().Equal(0, 1, 2);
        read.Select(e => e.Position).Should().Equal(1, 3, 4);
        (await Store.ReadStreamRevisionAsync(a)).Should().Be(2);
    }

    [SkippableFact]
    public async Task all_reads_from_a_position_with_max_count_in_commit_order()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var events = NewEvents(2);
            ids.AddRange(events.Select(e => e.EventId));
            await AppendedAsync(NewStream(), ExpectedRevision.NoStream, events);
        }

        var read = await ReadAllAsync(fromPosition: 4, maxCount: 5);

        read.Select(e => e.Position).Should().Equal(4, 5, 6, 7, 8);
        read.Select(e => e.EventId).Should().Equal(ids[3..8]);
        (await ReadAllAsync(fromPosition: 11)).Should().BeEmpty();
        (await Store.ReadHeadPositionAsync()).Should().Be(10);
    }
}
