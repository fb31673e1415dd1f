using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections.Sqlite;
using Collaboration.Projections.Storage;
using Collaboration.Testing.ViewStoreContract;

namespace Collaboration.Projections.Tests.Contract;

/// <summary>A SQLite log in a temp file; each view store instance is another <see cref="SqliteViewStore"/> on it.</summary>
public sealed class SqliteViewStoreFixture : IViewStoreFixture
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "collaboration-view-contract", Guid.NewGuid().ToString("N"));
    private SqliteEventStore? store;

    public async Task<IEventStore> OpenEventStoreAsync(TimeProvider time)
    {
        Directory.CreateDirectory(directory);
        return store ??= await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = Path.Combine(directory, "events.db") }, time);
    }

    public Task<IViewStore> OpenViewStoreAsync() =>
        Task.FromResult<IViewStore>(new SqliteViewStore(store ?? throw new InvalidOperationException("Open the event store first.")));

    public async ValueTask DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A lingering handle only leaves a temp file behind.
        }
    }
}
