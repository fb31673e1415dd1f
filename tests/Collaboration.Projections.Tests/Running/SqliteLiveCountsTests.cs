using Collaboration.Projections.Running;
using Collaboration.Projections.Sqlite;
using Collaboration.Projections.Storage;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Running;

/// <summary>
/// The live documents per generation that SQLite keeps for an office list's total: exact through inserts, updates,
/// removals and their return, created with the right counts on a database from before, dropped with their generation.
/// </summary>
public sealed class SqliteLiveCountsTests : IAsyncLifetime
{
    private const string View = "live-view";
    private readonly TempStore temp = new();

    public Task InitializeAsync() => temp.InitializeAsync();

    public Task DisposeAsync() => temp.DisposeAsync();

    private static ViewPageQuery Everything => new(View, null, [], new ViewSort("n"), null, 10);

    private async Task<long> WalkedAsync()
    {
        // The count the store would make without the kept one: the same view, read document by document.
        await using var connection = await temp.Store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM view_documents WHERE projection = '{View}' AND generation = (SELECT generation FROM projection_active WHERE projection = '{View}') AND json IS NOT NULL";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task an_unfiltered_count_follows_every_write_and_equals_the_walked_count()
    {
        var views = new SqliteViewStore(temp.Store);
        await views.InitializeAsync();
        var generation = (await views.RegisterAsync(View, 1)).Generation;
        (await views.CountAsync(Everything)).Should().Be(0);

        await views.CommitAsync(t =>
        {
            for (var i = 0; i < 5; i++)
            {
                t.Write(View, generation, $"k{i}", 1, ViewScope.Everyone, $$"""{"n":"{{i}}"}""");
            }
        });
        await views.CommitAsync(t =>
        {
            t.Write(View, generation, "k0", 2, ViewScope.Everyone, """{"n":"changed"}""");
            t.Write(View, generation, "k1", 2, ViewScope.Everyone, json: null);
            t.Write(View, generation, "k2", 2, ViewScope.Everyone, json: null);
            t.Write(View, generation, "gone-before-seen", 2, ViewScope.Everyone, json: null);
        });
        await views.CommitAsync(t => t.Write(View, generation, "k2", 3, ViewScope.Everyone, """{"n":"back"}"""));

        (await views.CountAsync(Everything)).Should().Be(4, "k0, k2 back again, k3, k4").And.Be(await WalkedAsync());
        (await views.PageAsync(Everything)).Total.Should().Be(4);
        var audiences = new HashSet<string>(StringComparer.Ordinal) { "public" };
        (await views.CountAsync(Everything with { Audiences = audiences })).Should().Be(4, "the audiences' count is walked, and agrees");
    }

    [Fact]
    public async Task a_database_from_before_gets_its_counts_on_start_and_a_rebuilt_generation_counts_its_own()
    {
        var views = new SqliteViewStore(temp.Store);
        await views.InitializeAsync();
        var live = (await views.RegisterAsync(View, 1)).Generation;
        await views.CommitAsync(t =>
        {
            t.Write(View, live, "a", 1, ViewScope.Everyone, """{"n":"a"}""");
            t.Write(View, live, "b", 1, ViewScope.Everyone, """{"n":"b"}""");
            t.Write(View, live, "c", 1, ViewScope.Everyone, json: null);
        });

        // The layout of earlier builds: no kept counts.
        await using (var connection = await temp.Store.OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE view_live_counts;";
            await command.ExecuteNonQueryAsync();
        }

        var upgraded = new SqliteViewStore(temp.Store);
        await upgraded.InitializeAsync();
        await upgraded.InitializeAsync();
        (await upgraded.CountAsync(Everything)).Should().Be(2);

        var next = await upgraded.CreateGenerationAsync(View);
        await upgraded.CommitAsync(t => t.Write(View, next, "z", 2, ViewScope.Everyone, """{"n":"z"}"""));
        (await upgraded.CountAsync(Everything)).Should().Be(2, "queries count the active generation while the next is built");
        await upgraded.CommitAsync(t => t.Activate(View, next, 2));
        await upgraded.DropGenerationAsync(View, live);

        (await upgraded.CountAsync(Everything)).Should().Be(1).And.Be(await WalkedAsync());
    }
}
