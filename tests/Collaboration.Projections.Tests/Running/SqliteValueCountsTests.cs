using Collaboration.Projections.Running;
using Collaboration.Projections.Sqlite;
using Collaboration.Projections.Storage;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Running;

/// <summary>
/// The counts by one field's values that SQLite keeps for office counts (the open talent cases of the overview): marked by
/// the first such count, kept by every write after it, read instead of a walk, carried to a rebuilt generation and dropped
/// with their own; a count that cannot mark its field (the write gate held) is walked, and right.
/// </summary>
public sealed class SqliteValueCountsTests : IAsyncLifetime
{
    private const string View = "valued-view";
    private readonly TempStore temp = new();

    public Task InitializeAsync() => temp.InitializeAsync();

    public Task DisposeAsync() => temp.DisposeAsync();

    private static ViewPageQuery Status(params string[] values) => new(View, null, [ViewFilter.AnyOf("status", values)], new ViewSort("status"), null, 10);

    private static string Doc(string status) => $$"""{"status":"{{status}}"}""";

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await temp.Store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<long> WalkedAsync(string status) => ScalarAsync(
        $"SELECT count(*) FROM view_documents WHERE projection = '{View}' AND json IS NOT NULL AND json_extract(json, '$.status') = '{status}'" +
        $" AND generation = (SELECT generation FROM projection_active WHERE projection = '{View}')");

    [Fact]
    public async Task the_first_office_count_marks_its_field_and_every_later_write_keeps_the_count_it_is_then_read_from()
    {
        var views = new SqliteViewStore(temp.Store);
        await views.InitializeAsync();
        var generation = (await views.RegisterAsync(View, 1)).Generation;
        await views.CommitAsync(t =>
        {
            t.Write(View, generation, "a", 1, ViewScope.Everyone, Doc("Open"));
            t.Write(View, generation, "b", 1, ViewScope.Everyone, Doc("Open"));
            t.Write(View, generation, "c", 1, ViewScope.Everyone, Doc("Closed"));
        });

        (await ScalarAsync("SELECT count(*) FROM view_counted_fields")).Should().Be(0, "no count has asked for the field yet");
        (await views.CountAsync(Status("Open"))).Should().Be(2);
        (await ScalarAsync($"SELECT live FROM view_value_counts WHERE projection = '{View}' AND field = 'status' AND value = 'Open'")).Should().Be(2);

        await views.CommitAsync(t =>
        {
            t.Write(View, generation, "a", 2, ViewScope.Everyone, Doc("Closed"));
            t.Write(View, generation, "c", 2, ViewScope.Everyone, json: null);
            t.Write(View, generation, "d", 2, ViewScope.Everyone, Doc("Open"));
            t.Write(View, generation, "e", 2, ViewScope.Everyone, """{"status":7}""");
        });
        (await views.CountAsync(Status("Open"))).Should().Be(2).And.Be(await WalkedAsync("Open"));
        (await views.CountAsync(Status("Closed"))).Should().Be(1).And.Be(await WalkedAsync("Closed"));
        (await views.CountAsync(Status("7"))).Should().Be(0, "a number is not the text of its digits, in the walk as in the kept count");

        // Read from the kept row, not walked: a count that differs from the documents is what comes back.
        await ScalarAsync($"UPDATE view_value_counts SET live = live + 100 WHERE projection = '{View}' AND value = 'Open' RETURNING live");
        (await views.CountAsync(Status("Open"))).Should().Be(102);
        (await views.CountAsync(Status("Open") with { Audiences = new HashSet<string>(StringComparer.Ordinal) { "public" } }))
            .Should().Be(2, "a count through audiences is walked");
    }

    [Fact]
    public async Task a_rebuilt_generation_counts_the_marked_fields_and_a_dropped_one_takes_its_counts_along()
    {
        var views = new SqliteViewStore(temp.Store);
        await views.InitializeAsync();
        var live = (await views.RegisterAsync(View, 1)).Generation;
        await views.CommitAsync(t => t.Write(View, live, "a", 1, ViewScope.Everyone, Doc("Open")));
        (await views.CountAsync(Status("Open"))).Should().Be(1);

        var next = await views.CreateGenerationAsync(View);
        await views.CommitAsync(t =>
        {
            t.Write(View, next, "x", 2, ViewScope.Everyone, Doc("Open"));
            t.Write(View, next, "y", 2, ViewScope.Everyone, Doc("Open"));
        });
        await views.CommitAsync(t => t.Activate(View, next, 2));
        await views.DropGenerationAsync(View, live);

        (await views.CountAsync(Status("Open"))).Should().Be(2).And.Be(await WalkedAsync("Open"));
        (await ScalarAsync($"SELECT count(*) FROM view_counted_fields WHERE generation = {next}")).Should().Be(1, "the mark moved to the new generation");
        (await ScalarAsync($"SELECT count(*) FROM view_counted_fields WHERE generation = {live}")).Should().Be(0);
        (await ScalarAsync($"SELECT count(*) FROM view_value_counts WHERE generation = {live}")).Should().Be(0);
        await views.CommitAsync(t => t.Write(View, next, "x", 3, ViewScope.Everyone, Doc("Closed")));
        (await views.CountAsync(Status("Open"))).Should().Be(1, "the new generation's counts are kept from its activation on");
    }

    [Fact]
    public async Task a_count_that_cannot_take_the_write_gate_is_walked_and_the_field_is_marked_later()
    {
        var views = new SqliteViewStore(temp.Store);
        await views.InitializeAsync();
        var generation = (await views.RegisterAsync(View, 1)).Generation;
        await views.CommitAsync(t => t.Write(View, generation, "a", 1, ViewScope.Everyone, Doc("Open")));

        await temp.Store.WriteGate.WaitAsync();
        try
        {
            (await views.CountAsync(Status("Open"))).Should().Be(1);
        }
        finally
        {
            temp.Store.WriteGate.Release();
        }

        (await ScalarAsync("SELECT count(*) FROM view_counted_fields")).Should().Be(0, "the gate was held: nothing marked");
        await views.CommitAsync(t => t.Write(View, generation, "b", 2, ViewScope.Everyone, Doc("Open")));
        (await views.CountAsync(Status("Open"))).Should().Be(2, "walked again while the mark waits for its retry");
        var other = new SqliteViewStore(temp.Store);
        (await other.CountAsync(Status("Open"))).Should().Be(2);
        (await ScalarAsync("SELECT count(*) FROM view_counted_fields")).Should().Be(1, "another store's first count marked it");
    }
}
