using Collaboration.EventStore.Sqlite;
using Collaboration.Projections.Running;
using Collaboration.Projections.Sqlite;
using Collaboration.Projections.Storage;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Collaboration.Projections.Tests.Storage;

public sealed class SqlitePageIndexTests : IAsyncLifetime
{
    private const string View = "index-view";

    private static readonly Guid PartnerA = Guid.Parse("0193a4b2-0000-7000-8000-00000000000a");

    private static readonly Guid PartnerB = Guid.Parse("0193a4b2-0000-7000-8000-00000000000b");

    private readonly string directory = Path.Combine(Path.GetTempPath(), "collaboration-page-index", Guid.NewGuid().ToString("N"));
    private SqliteEventStore events = null!;
    private SqliteViewStore views = null!;

    private string DatabasePath => Path.Combine(directory, "events.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        events = await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = DatabasePath }, TimeProvider.System);
        views = new SqliteViewStore(events);
        await views.InitializeAsync();
    }

    private async Task<List<string>> PlanAsync((string Sql, List<(string Name, object Value)> Parameters) statement)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    public async Task DisposeAsync()
    {
        await events.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task a_page_with_a_seeking_equality_walks_an_index_led_by_that_field_then_the_sort_field()
    {
        var generation = (await views.RegisterAsync(View, 1)).Generation;
        await using (var transaction = await views.BeginAsync())
        {
            for (var i = 0; i < 20; i++)
            {
                var status = i % 4 == 0 ? "Calm" : "Busy";
                transaction.Write(View, generation, $"k{i:D2}", 1, ViewScope.OfficeOnly, $$$"""{"item":{"due":"2024-06-{{{10 + i}}}","status":"{{{status}}}"}}""");
            }

            await transaction.CommitAsync(CancellationToken.None);
        }

        var page = await views.PageAsync(new ViewPageQuery(View, null, [ViewFilter.Equal("item.status", "Calm")], new ViewSort("item.due"), null, 2));
        page.Total.Should().Be(5);

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = $name";
        command.Parameters.AddWithValue("$name", ViewFields.IndexName(View, "item.status", "item.due"));
        var sql = (string?)await command.ExecuteScalarAsync();
        sql.Should().NotBeNull("the first page of a seeking filter builds its index");
        sql!.IndexOf("$.item.status", StringComparison.Ordinal).Should().BeLessThan(sql.IndexOf("$.item.due", StringComparison.Ordinal), "the equality leads, the sort field follows");

        // The plan of the page's own shape walks that index, not the sort field's alone.
        var plan = await PlanAsync(($"SELECT key FROM view_documents WHERE projection = '{View}' AND generation = {generation} AND json IS NOT NULL " +
            "AND coalesce(json_extract(json, '$.item.status'), '') = 'Calm' ORDER BY coalesce(json_extract(json, '$.item.due'), ''), key LIMIT 3", []));
        plan.Should().Contain(p => p.Contains(ViewFields.IndexName(View, "item.status", "item.due"), StringComparison.Ordinal)).And.NotContain(p => p.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_count_and_a_tally_with_a_seeking_equality_walk_its_index_not_the_whole_view()
    {
        var generation = (await views.RegisterAsync(View, 1)).Generation;
        await using (var transaction = await views.BeginAsync())
        {
            for (var i = 0; i < 200; i++)
            {
                var owner = i % 50 == 0 ? PartnerA : PartnerB;
                transaction.Write(View, generation, $"k{i:D3}", 1, ViewScope.ForPartners([owner]),
                    $$$"""{"item":{"due":"2024-06-{{{10 + (i % 20)}}}","owner":"{{{owner}}}","stage":"{{{(i % 3 == 0 ? "Open" : "Closed")}}}","weight":{{{i}}}}}""");
            }

            await transaction.CommitAsync(CancellationToken.None);
        }

        var owned = new ViewPageQuery(View, new HashSet<string> { ViewScope.Organisation(PartnerA) }, [ViewFilter.Equal("item.owner", PartnerA.ToString())], new ViewSort("item.due"), null, 10);
        (await views.CountAsync(owned with { CountTotal = true })).Should().Be(4);
        var tally = await views.TallyAsync(owned, "item.stage", [new ViewSum("item.weight")]);
        tally.ToDictionary(t => t.Key, t => (t.Value.Count, t.Value.Sums[0])).Should().Equal(new Dictionary<string, (long, decimal)>
        {
            ["Open"] = (2, 0 + 150),
            ["Closed"] = (2, 50 + 100),
        });

        // Without statistics SQLite held the primary key (projection, generation) as good as the index and read the whole view.
        var index = ViewFields.IndexName(View, "item.owner", "item.due");
        (await PlanAsync(views.CountStatement(owned))).Should().Contain(p => p.Contains(index, StringComparison.Ordinal)).And.NotContain(p => p.Contains("PRIMARY KEY", StringComparison.Ordinal) && p.Contains("view_documents", StringComparison.Ordinal));
        (await PlanAsync(views.TallyStatement(owned, "item.stage", ["item.weight"]))).Should().Contain(p => p.Contains(index, StringComparison.Ordinal));

        // A count filtering on its sort field walks that field's index.
        var open = new ViewPageQuery(View, null, [ViewFilter.AnyOf("item.stage", "Open")], new ViewSort("item.stage"), null, 10) { CountTotal = true };
        (await views.CountAsync(open)).Should().Be(67);
        (await PlanAsync(views.CountStatement(open))).Should().Contain(p => p.Contains(ViewFields.IndexName(View, "item.stage"), StringComparison.Ordinal));
    }

    [Fact]
    public void an_index_name_longer_than_postgresql_keeps_ends_in_a_hash_of_the_whole_and_stays_apart_from_its_neighbours()
    {
        var one = ViewFields.IndexName("commitment-detail", "calmStatus", "commitment.dueDate");
        var other = ViewFields.IndexName("commitment-detail", "calmStatus", "commitment.proposedOn");
        one.Length.Should().BeLessThanOrEqualTo(63);
        other.Length.Should().BeLessThanOrEqualTo(63);
        one.Should().NotBe(other);
        ViewFields.IndexName("v", "a", "b").Should().Be("view_documents_page_v_a_then_b");
    }
}
