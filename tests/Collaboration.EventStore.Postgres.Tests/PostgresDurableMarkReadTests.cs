using System.Text;
using Collaboration.EventStore;
using Collaboration.EventStore.Postgres;
using Collaboration.Testing.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Collaboration.EventStore.Postgres.Tests;

/// <summary>
/// How $all reads use the durable mark (ADR 0025, amendment of 2026-12-05): a read's first page reads the mark, and
/// every later page is bounded by that mark as a constant instead of reading the marks' table again.
/// </summary>
public sealed class PostgresDurableMarkReadTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly PostgresStoreFixture fixture = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2024, 3, 18, 1, 30, 15, TimeSpan.Zero));
    private PostgresEventStore? store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }

        await fixture.DisposeAsync();
    }

    [PostgresFact]
    public async Task a_read_of_all_over_many_pages_ends_at_the_durable_mark_its_first_page_read()
    {
        var node = await OpenAsync();
        await node.AppendAsync("commitment-" + Guid.NewGuid().ToString("N"), ExpectedRevision.NoStream, NewEvents(6));

        var positions = new List<long>();
        await using (var read = node.ReadAllAsync().GetAsyncEnumerator())
        {
            (await read.MoveNextAsync()).Should().BeTrue();
            positions.Add(read.Current.Position);

            // Durable before the read's third page is fetched: a read that looked at the mark per page would go on to 8.
            await node.AppendAsync("partner-" + Guid.NewGuid().ToString("N"), ExpectedRevision.NoStream, NewEvents(2));
            while (await read.MoveNextAsync())
            {
                positions.Add(read.Current.Position);
            }
        }

        positions.Should().Equal(1, 2, 3, 4, 5, 6);
        (await PositionsAsync(node.ReadAllAsync())).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
    }

    [PostgresFact]
    public async Task pages_under_a_mark_already_read_do_not_read_the_marks_table_again()
    {
        var node = await OpenAsync();
        await node.AppendAsync("commitment-" + Guid.NewGuid().ToString("N"), ExpectedRevision.NoStream, NewEvents(7));
        using var cancel = new CancellationTokenSource(Patience);
        await using var read = node.ReadAllAsync(ct: cancel.Token).GetAsyncEnumerator(cancel.Token);
        await using var subscription = node.SubscribeToAllAsync(0, cancel.Token).GetAsyncEnumerator(cancel.Token);
        (await read.MoveNextAsync()).Should().BeTrue();
        (await subscription.MoveNextAsync()).Should().BeTrue();

        // Anything that reads event_log_durable now waits until the lock is gone (after the deadline): the rest of
        // the mark's range must come without it.
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE event_log_durable IN ACCESS EXCLUSIVE MODE;", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var read1 = new List<long> { read.Current.Position };
        while (await read.MoveNextAsync())
        {
            read1.Add(read.Current.Position);
        }

        var subscribed = new List<long> { subscription.Current.Position };
        while (subscribed.Count < 7 && await subscription.MoveNextAsync())
        {
            subscribed.Add(subscription.Current.Position);
        }

        await transaction.RollbackAsync();
        read1.Should().Equal(1, 2, 3, 4, 5, 6, 7);
        subscribed.Should().Equal(1, 2, 3, 4, 5, 6, 7);
    }

    private async Task<PostgresEventStore> OpenAsync()
    {
        PostgresTestServer.Require();
        store = await fixture.OpenAsync(time, fixture.Options with { ReadPageSize = 2 });
        return store;
    }

    private static async Task<List<long>> PositionsAsync(IAsyncEnumerable<RecordedEvent> events)
    {
        var positions = new List<long>();
        await foreach (var e in events)
        {
            positions.Add(e.Position);
        }

        return positions;
    }

    private static EventToAppend[] NewEvents(int count) =>
        Enumerable.Range(0, count)
            .Select(_ => new EventToAppend(Guid.CreateVersion7(), "test.something-happened.v1", Encoding.UTF8.GetBytes($$"""{"n":"{{Guid.NewGuid():N}}"}"""), EventMetadata.Empty))
            .ToArray();
}
