using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Collaboration.Testing.Postgres;
using FluentAssertions;
using Npgsql;
using Xunit;

namespace Collaboration.Projections.Postgres.Tests;

/// <summary>
/// Two nodes' view stores on one database, as during a takeover: the old leader's session ended but a batch of its is
/// still in flight. Once the next leader advanced the term, that batch's commit is refused and writes nothing.
/// </summary>
public sealed class PostgresLeaderTermTests : IAsyncLifetime
{
    private const string View = "fenced";
    private string? database;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        if (PostgresTestServer.SkipReason is null)
        {
            (database, connectionString) = await PostgresTestServer.CreateDatabaseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }

    [SkippableFact]
    public async Task a_batch_of_the_superseded_leader_is_refused_at_commit_and_writes_nothing()
    {
        Skip.If(PostgresTestServer.SkipReason is not null, PostgresTestServer.SkipReason);
        await using var old = PostgresViewStore.Create(connectionString);
        await using var next = PostgresViewStore.Create(connectionString);
        await old.InitializeAsync();
        var generation = (await old.RegisterAsync(View, 1)).Generation;

        await using var oldLock = await OpenAsync();
        old.FenceWith(await PostgresLeaderTerm.AdvanceAsync(oldLock, default));
        await CommitAsync(old, generation, "before", 1);

        await using var straggler = await old.BeginAsync();
        straggler.Write(View, generation, "straggler", 2, ViewScope.Everyone, """{"n":2}""");
        straggler.WriteCheckpoint(View, generation, 2);
        await using var nextLock = await OpenAsync();
        var term = await PostgresLeaderTerm.AdvanceAsync(nextLock, default);
        next.FenceWith(term);

        var commit = () => straggler.CommitAsync(default);
        (await commit.Should().ThrowAsync<ViewWriterFencedException>()).Which.Current.Should().Be(term);
        (await next.GetAsync(View, "straggler")).Should().BeNull();
        (await next.ActiveCheckpointAsync(View)).Should().Be(1, "the refused batch's checkpoint did not land either");
        var later = () => CommitAsync(old, generation, "later", 3);
        await later.Should().ThrowAsync<ViewWriterFencedException>("the old leader stays fenced until it leads again");

        await CommitAsync(next, generation, "after", 3);
        (await next.GetAsync(View, "after")).Should().NotBeNull();
        (await next.ActiveCheckpointAsync(View)).Should().Be(3);
    }

    [SkippableFact]
    public async Task each_leadership_gets_a_later_term_and_a_store_never_fenced_commits_freely()
    {
        Skip.If(PostgresTestServer.SkipReason is not null, PostgresTestServer.SkipReason);
        await using var connection = await OpenAsync();
        var first = await PostgresLeaderTerm.AdvanceAsync(connection, default);
        var second = await PostgresLeaderTerm.AdvanceAsync(connection, default);
        second.Should().BeGreaterThan(first);

        // The CLI and a single node write without a term.
        await using var unfenced = PostgresViewStore.Create(connectionString);
        await unfenced.InitializeAsync();
        var generation = (await unfenced.RegisterAsync(View, 1)).Generation;
        await CommitAsync(unfenced, generation, "free", 1);
        (await unfenced.GetAsync(View, "free")).Should().NotBeNull();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task CommitAsync(PostgresViewStore views, long generation, string key, long position)
    {
        await using var transaction = await views.BeginAsync();
        transaction.Write(View, generation, key, position, ViewScope.Everyone, $$"""{"n":{{position}}}""");
        transaction.WriteCheckpoint(View, generation, position);
        await transaction.CommitAsync(default);
    }
}
