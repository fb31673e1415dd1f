using Collaboration.EventStore;

namespace Collaboration.Testing.StoreContract;

/// <summary>
/// What an implementation gives the contract suite: its own private storage, a way to open a store on it
/// (fresh the first time, the same data after a close), and a way to damage it behind the store's back.
/// </summary>
public interface IEventStoreFixture : IAsyncDisposable
{
    /// <summary>Opens a store on this fixture's storage; the first call starts from an empty log.</summary>
    Task<IEventStore> OpenAsync(TimeProvider time);

    /// <summary>Changes one byte of the stored data of the event at <paramref name="position"/>, directly in the storage.</summary>
    Task CorruptEventDataAsync(long position);
}
