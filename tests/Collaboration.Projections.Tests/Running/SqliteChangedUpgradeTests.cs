using Collaboration.Projections.Running;
using Collaboration.Projections.Sqlite;
using Collaboration.Projections.Storage;
using Collaboration.Projections.Tests.Fixtures;

namespace Collaboration.Projections.Tests.Running;

/// <summary>A database from before checkpoints recorded the last change of their generation is upgraded on start.</summary>
public sealed class SqliteChangedUpgradeTests : IAsyncLifetime
{
    private readonly TempStore temp = new();

    public Task InitializeAsync() => temp.InitializeAsync();

    public Task DisposeAsync() => temp.DisposeAsync();

    [Fact]
    public async Task an_old_checkpoint_reads_as_changed_at_itself_until_its_generation_next_changes()
    {
        // The layout of earlier builds: a checkpoint without the change it last recorded.
        await using (var connection = await temp.Store.OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                CREATE TABLE projection_checkpoints (
                    projection TEXT NOT NULL, generation INTEGER NOT NULL, position INTEGER NOT NULL,
                    PRIMARY KEY (projection, generation)) WITHOUT ROWID;
                CREATE TABLE projection_active (
                    projection TEXT NOT NULL PRIMARY KEY, generation INTEGER NOT NULL, code_version INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO projection_active VALUES ('old-view', 1, 1);
                INSERT INTO projection_checkpoints VALUES ('old-view', 1, 40);
                """;
            await command.ExecuteNonQueryAsync();
        }

        var views = new SqliteViewStore(temp.Store);
        await views.InitializeAsync();
        await views.InitializeAsync();
        async Task<ProjectionGeneration> OldViewAsync() => (await views.ReadActiveAsync()).Single(g => g.Projection == "old-view");

        (await OldViewAsync()).Should().Be(new ProjectionGeneration("old-view", 1, 1, 40, 40), "unknown, the change is taken to be the checkpoint: kept figures are recounted, never kept too long");

        await using (var moved = await views.BeginAsync())
        {
            moved.WriteCheckpoint("old-view", 1, 45);
            await moved.CommitAsync(default);
        }

        (await OldViewAsync()).Changed.Should().Be(45, "still unknown, still the checkpoint");

        await using (var changed = await views.BeginAsync())
        {
            changed.Write("old-view", 1, "k", 50, ViewScope.Everyone, "{}");
            changed.WriteCheckpoint("old-view", 1, 50);
            await changed.CommitAsync(default);
        }

        await using (var moved = await views.BeginAsync())
        {
            moved.WriteCheckpoint("old-view", 1, 60);
            await moved.CommitAsync(default);
        }

        (await OldViewAsync()).Should().Be(new ProjectionGeneration("old-view", 1, 1, 60, 50), "known from its first change on");
    }
}
