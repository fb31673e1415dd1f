using Collaboration.EventStore.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.EventStore.Tests;

/// <summary>
/// The head answered from the change counter beside the database (ADR 0032): two stores on one file stand for two
/// processes, each with its own mapping of the counter, as the tracker and the <c>collab</c> CLI have.
/// </summary>
public sealed class SqliteChangeCounterTests : IAsyncLifetime
{
    private readonly SqliteStoreFixture fixture = new();
    private SqliteEventStore first = null!;
    private SqliteEventStore second = null!;

    public async Task InitializeAsync()
    {
        first = await SqliteEventStore.OpenAsync(fixture.Options, new FakeTimeProvider());
        second = await SqliteEventStore.OpenAsync(fixture.Options, new FakeTimeProvider());
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await fixture.DisposeAsync();
    }

    private static EventToAppend NewEvent() => SqliteEventStoreTests.NewEvent();

    [Fact]
    public async Task every_append_the_other_store_acknowledged_is_in_the_head_read_next()
    {
        (await first.ReadHeadPositionAsync()).Should().Be(0);
        (await second.ReadHeadPositionAsync()).Should().Be(0);

        for (var i = 1; i <= 20; i++)
        {
            var (writer, reader) = i % 2 == 0 ? (first, second) : (second, first);
            await writer.AppendAsync($"s-{i}", ExpectedRevision.NoStream, [NewEvent()]);
            (await reader.ReadHeadPositionAsync()).Should().Be(i, "append {0} was acknowledged by the other store before this read", i);
        }
    }

    [Fact]
    public async Task the_head_is_answered_without_reading_the_database_while_nothing_was_committed()
    {
        await second.AppendAsync("s-1", ExpectedRevision.NoStream, [NewEvent(), NewEvent()]);
        var read = first.ReadHeadPositionAsync();
        (await read).Should().Be(2);

        first.ReadHeadPositionAsync().Should().BeSameAs(read, "nothing was committed since, so the head read before is the answer");

        await second.AppendAsync("s-1", ExpectedRevision.Exactly(1), [NewEvent()]);
        var after = first.ReadHeadPositionAsync();
        after.Should().NotBeSameAs(read, "a commit moved the counter");
        (await after).Should().Be(3);
    }

    [Fact]
    public async Task a_store_that_cannot_map_the_counter_reads_the_head_from_the_database_every_time()
    {
        await using var elsewhere = new SqliteStoreFixture();
        // A directory where the counter's file would be: neither store can map it.
        Directory.CreateDirectory(SqliteEventStore.ChangeCounterPathFor(elsewhere.DatabasePath));
        await using var blind = await SqliteEventStore.OpenAsync(elsewhere.Options, new FakeTimeProvider());
        await using var other = await SqliteEventStore.OpenAsync(elsewhere.Options, new FakeTimeProvider());

        (await blind.ReadHeadPositionAsync()).Should().Be(0);
        await other.AppendAsync("s-1", ExpectedRevision.NoStream, [NewEvent()]);
        (await blind.ReadHeadPositionAsync()).Should().Be(1);
        await blind.AppendAsync("s-2", ExpectedRevision.NoStream, [NewEvent()]);
        (await other.ReadHeadPositionAsync()).Should().Be(2);
    }

    [Fact]
    public async Task a_closed_store_refuses_to_read_the_head()
    {
        await first.DisposeAsync();

        var read = () => first.ReadHeadPositionAsync();

        await read.Should().ThrowAsync<ObjectDisposedException>();
    }
}
