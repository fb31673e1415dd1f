using Collaboration.EventStore;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.StoreContract;

public abstract partial class EventStoreContract
{
    [SkippableFact]
    public async Task events_survive_closing_and_reopening_the_store()
    {
        var stream = NewStream();
        await AppendedAsync(stream, ExpectedRevision.NoStream, NewEvents(3));
        await AppendedAsync(NewStream(), ExpectedRevision.NoStream, NewEvent());
        var before = await ReadAllAsync();

        await ReopenAsync();

        var after = await ReadAllAsync();
        after.Select(Snapshot).Should().BeEquivalentTo(before.Select(Snapshot), o => o.WithStrictOrdering());
        (await Store.ReadStreamRevisionAsync(stream)).Should().Be(2);
        var next = await AppendedAsync(stream, ExpectedRevision.Exactly(2), NewEvent());
        next.FirstPosition.Should().Be(5);
        (await Store.VerifyAsync()).IsValid.Should().BeTrue();
    }

    [SkippableFact]
    public async Task each_hash_chains_to_the_previous_one()
    {
        for (var i = 0; i < 4; i++)
        {
            await AppendedAsync(NewStream(), ExpectedRevision.NoStream, NewEvents(2));
        }

        var all = await ReadAllAsync();

        var previous = EventHash.Genesis;
        foreach (var e in all)
        {
            e.Hash.ToArray().Should().Equal(EventHash.Compute(previous.Span, e));
            previous = e.Hash;
        }

        var head = await Store.ReadChainHeadAsync();
        head.Position.Should().Be(8);
        head.Hash.ToArray().Should().Equal(all[^1].Hash.ToArray());
    }

    [SkippableFact]
    public async Task verify_passes_on_an_untouched_log()
    {
        for (var i = 0; i < 10; i++)
        {
            await AppendedAsync(NewStream(), ExpectedRevision.NoStream, NewEvents(3));
        }

        var reported = new List<long>();
        var result = await Store.VerifyAsync(1, null, new SynchronousProgress(reported.Add));

        result.IsValid.Should().BeTrue();
        result.CheckedFrom.Should().Be(1);
        result.CheckedTo.Should().Be(30);
        result.FirstBadPosition.Should().BeNull();
        result.LastHash.ToArray().Should().Equal((await Store.ReadChainHeadAsync()).Hash.ToArray());
        reported.Should().NotBeEmpty().And.EndWith(30);
    }

    [SkippableFact]
    public async Task verify_names_the_position_of_a_byte_changed_in_storage()
    {
        for (var i = 0; i < 10; i++)
        {
            await AppendedAsync(NewStream(), ExpectedRevision.NoStream, NewEvents(2));
        }

        await CorruptEventDataAsync(7);

        var whole = await Store.VerifyAsync();
        var before = await Store.VerifyAsync(1, 6);
        var after = await Store.VerifyAsync(8);

        whole.IsValid.Should().BeFalse();
        whole.FirstBadPosition.Should().Be(7);
        whole.Reason.Should().NotBeNullOrWhiteSpace();
        before.IsValid.Should().BeTrue("the damage is after the checked range");
        before.CheckedTo.Should().Be(6);
        after.IsValid.Should().BeTrue("later events still link to the stored hash of position 7");
    }

    [SkippableFact]
    public async Task verify_of_an_empty_log_is_valid()
    {
        var result = await Store.VerifyAsync();

        result.IsValid.Should().BeTrue();
        result.LastHash.ToArray().Should().Equal(new byte[32]);
    }

    private static object Snapshot(RecordedEvent e) => new
    {
        e.EventId,
        e.Stream,
        e.Revision,
        e.Position,
        e.Type,
        e.Timestamp,
        Data = e.Data.ToArray(),
        Metadata = e.MetadataJson.ToArray(),
        Hash = e.Hash.ToArray(),
    };

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
