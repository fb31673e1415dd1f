using Collaboration.EventStore;
using Collaboration.EventStore.Postgres;
using Collaboration.Projections.Postgres;
using Collaboration.Projections.Storage;
using Collaboration.Testing.Postgres;
using Collaboration.Testing.ViewStoreContract;

namespace Collaboration.Projections.Postgres.Tests;

/// <summary>A fresh database of its own; each view store instance is another <see cref="PostgresViewStore"/> with its own pool, as another node's.</summary>
public sealed class PostgresViewStoreFixture : IViewStoreFixture
{
    private readonly List<PostgresViewStore> opened = [];
    private string? database;
    private string connectionString = "";
    private PostgresEventStore? events;

    public async Task<IEventStore> OpenEventStoreAsync(TimeProvider time)
    {
        // On a developer machine without a server the contract skips; in CI there is no skip reason, and a missing server fails.
        Skip.If(PostgresTestServer.SkipReason is not null, PostgresTestServer.SkipReason);
        if (database is null)
        {
            (database, connectionString) = await PostgresTestServer.CreateDatabaseAsync();
        }

        return events ??= await PostgresEventStore.OpenAsync(new PostgresEventStoreOptions { ConnectionString = connectionString }, time);
    }

    public Task<IViewStore> OpenViewStoreAsync()
    {
        var views = PostgresViewStore.Create(connectionString);
        opened.Add(views);
        return Task.FromResult<IViewStore>(views);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var views in opened)
        {
            await views.DisposeAsync();
        }

        if (events is not null)
        {
            await events.DisposeAsync();
        }

        if (database is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(database);
            database = null;
        }
    }
}
