using Collaboration.EventStore;
using Collaboration.Projections.Storage;

namespace Collaboration.Testing.ViewStoreContract;

/// <summary>
/// What a view-store implementation gives the contract suite: private storage with an event store beside it, and
/// view stores opened on that storage. Every call to <see cref="OpenViewStoreAsync"/> is another instance on the same
/// data, as another process would open it. The fixture disposes whatever it opened.
/// </summary>
public interface IViewStoreFixture : IAsyncDisposable
{
    /// <summary>The event store on this fixture's storage (opened once, empty at first).</summary>
    Task<IEventStore> OpenEventStoreAsync(TimeProvider time);

    /// <summary>Another view store instance on this fixture's storage; its schema is not yet initialised.</summary>
    Task<IViewStore> OpenViewStoreAsync();
}
