using System.Text;
using System.Text.Json;
using Collaboration.EventStore;
using Collaboration.EventStore.Postgres;
using Collaboration.Testing.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Collaboration.EventStore.Postgres.Tests;

/// <summary>
/// How $all reads use the durable mark (ADR 0025, amendment of 2026-12-05): a read's first page reads the mark, and
/// every later page is bounded by that mark as a constant instead of reading the marks' table again. Each page is an exact
/// range of positions (amendment of 2026-12-05, evening): it touches only its own rows whatever the planner knows, and a
/// page short of its range is a gap.
/// </summary>
public sealed class PostgresDurableMarkReadTests : IAsyncLifetime
{
    private const int Page = 100;
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

    [PostgresFact]
    public async Task a_page_of_all_reads_no_more_rows_than_it_returns_on_a_log_never_analysed()
    {
        var node = await OpenAsync(Page);
        for (var i = 0; i < 10; i++)
        {
            await node.AppendAsync("commitment-" + Guid.NewGuid().ToString("N"), ExpectedRevision.NoStream, NewEvents(120));
        }

        // A fresh log, as after a migration or minutes of appends before autovacuum comes by: no statistics at all.
        (await ScalarAsync("SELECT count(*) FROM pg_stats WHERE tablename = 'events';")).Should().Be(0L);

        var first = await PlanAsync(PostgresEventStore.AllFirstPageSql, 301, 301 + Page - 1);
        var later = await PlanAsync(PostgresEventStore.AllPageSql, 401, 401 + Page - 1);

        first.Returned.Should().Be(Page);
        first.MostRowsOfAnyStep.Should().BeLessThanOrEqualTo(Page, "the first page must not scan (or sort) the rest of the log");
        later.Returned.Should().Be(Page);
        later.MostRowsOfAnyStep.Should().BeLessThanOrEqualTo(Page, "a later page must not scan (or sort) the rest of the log");
    }

    [PostgresFact]
    public async Task a_gap_at_the_end_of_a_page_or_filling_a_whole_page_is_still_reported()
    {
        var node = await OpenAsync(pageSize: 3);
        await node.AppendAsync("commitment-" + Guid.NewGuid().ToString("N"), ExpectedRevision.NoStream, NewEvents(12));

        await fixture.ExecuteAsync("DELETE FROM events WHERE position = 6;");
        var endOfPage = () => PositionsAsync(node.ReadAllAsync());
        (await endOfPage.Should().ThrowAsync<LogGapException>()).Which.Should().Match<LogGapException>(e => e.ExpectedPosition == 6 && e.ActualPosition == 7);

        await fixture.ExecuteAsync("DELETE FROM events WHERE position IN (1, 2, 3);");
        var wholeFirstPage = () => PositionsAsync(node.ReadAllAsync());
        (await wholeFirstPage.Should().ThrowAsync<LogGapException>()).Which.Should().Match<LogGapException>(e => e.ExpectedPosition == 1 && e.ActualPosition == 4);

        await fixture.ExecuteAsync("DELETE FROM events WHERE position IN (10, 11, 12);");
        var wholeLaterPage = () => PositionsAsync(node.ReadAllAsync(7));
        (await wholeLaterPage.Should().ThrowAsync<LogGapException>()).Which.ExpectedPosition.Should().Be(10);

        var verified = await node.VerifyAsync(8);
        verified.IsValid.Should().BeFalse();
        verified.FirstBadPosition.Should().Be(10);
    }

    [PostgresFact]
    public async Task reading_from_the_durable_end_returns_nothing_and_reports_no_gap()
    {
        var node = await OpenAsync(pageSize: 3);
        await node.AppendAsync("commitment-" + Guid.NewGuid().ToString("N"), ExpectedRevision.NoStream, NewEvents(6));

        (await PositionsAsync(node.ReadAllAsync(7))).Should().BeEmpty();
        (await PositionsAsync(node.ReadAllAsync(4))).Should().Equal(4, 5, 6);
        (await PositionsAsync(node.ReadAllAsync(1, 5))).Should().Equal(1, 2, 3, 4, 5);
        (await node.VerifyAsync()).IsValid.Should().BeTrue();
    }

    private async Task<PostgresEventStore> OpenAsync(int pageSize = 2)
    {
        PostgresTestServer.Require();
        store = await fixture.OpenAsync(time, fixture.Options with { ReadPageSize = pageSize });
        return store;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The query run under EXPLAIN ANALYZE: the rows it returned, and the most rows any step of its plan produced.</summary>
    private async Task<(long Returned, long MostRowsOfAnyStep)> PlanAsync(string sql, long from, long to)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        using var plan = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        var root = plan.RootElement[0].GetProperty("Plan");
        return (root.GetProperty("Actual Rows").GetInt64(), Steps(root).Max(s => s.GetProperty("Actual Rows").GetInt64()));
    }

    private static IEnumerable<JsonElement> Steps(JsonElement step)
    {
        yield return step;
        if (step.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                foreach (var descendant in Steps(child))
                {
                    yield return descendant;
                }
            }
        }
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
