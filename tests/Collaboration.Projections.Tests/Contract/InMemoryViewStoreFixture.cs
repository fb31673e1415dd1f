using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Collaboration.Testing.ViewStoreContract;

namespace Collaboration.Projections.Tests.Contract;

/// <summary>
/// One <see cref="InMemoryViewStore"/> shared by every "instance", as processes share a database; the log beside it is
/// a SQLite temp file, since the contract is about the view store.
/// </summary>
public sealed class InMemoryViewStoreFixture : IViewStoreFixture
{
    private readonly SqliteViewStoreFixture log = new();
    private readonly InMemoryViewStore views = new();

    public Task<IEventStore> OpenEventStoreAsync(TimeProvider time) => log.OpenEventStoreAsync(time);

    public Task<IViewStore> OpenViewStoreAsync() => Task.FromResult<IViewStore>(views);

    public ValueTask DisposeAsync() => log.DisposeAsync();
}
