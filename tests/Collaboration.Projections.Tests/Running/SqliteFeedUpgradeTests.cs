using Collaboration.Domain.Kernel;
using Collaboration.Projections.Activity;
using Collaboration.Projections.Running;
using Collaboration.Projections.Sqlite;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Running;

public sealed class SqliteFeedUpgradeTests : IAsyncLifetime
{
    private readonly TempStore temp = new();

    public Task InitializeAsync() => temp.InitializeAsync();

    public Task DisposeAsync() => temp.DisposeAsync();

    [Fact]
    public async Task a_feed_written_before_entries_carried_their_event_is_upgraded_on_start_and_reads_the_same()
    {
        var memorandum = MemorandumId.New();
        await temp.AppendAsync(Events.Stream(memorandum), Events.MemorandumWithParties(memorandum, PartnerId.New()));
        // The layout of earlier builds: feed rows held only position and scope; entries were rendered from the log.
        await using (var connection = await temp.Store.OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                CREATE TABLE view_feed (
                    projection TEXT NOT NULL, generation INTEGER NOT NULL, position INTEGER NOT NULL, scope TEXT NOT NULL,
                    PRIMARY KEY (projection, generation, position)) WITHOUT ROWID;
                CREATE TABLE projection_active (
                    projection TEXT NOT NULL PRIMARY KEY, generation INTEGER NOT NULL, code_version INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO projection_active VALUES ('activity', 1, 1);
                INSERT INTO view_feed VALUES ('activity', 1, 1, 'public'), ('activity', 1, 2, 'public');
                """;
            await command.ExecuteNonQueryAsync();
        }

        var views = new SqliteViewStore(temp.Store);
        await views.InitializeAsync();
        await views.InitializeAsync();

        var events = await temp.AllEventsAsync();
        var listed = await views.ListAsync(ActivityProjection.ViewName, null);
        listed.Select(v => ViewJson.Deserialize<FeedEntry>(v.Json!)).Should().Equal(events.Select(FeedEntry.Of));
    }
}
