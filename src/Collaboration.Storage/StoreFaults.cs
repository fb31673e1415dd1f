using Collaboration.EventStore;
using Collaboration.EventStore.Postgres;
using Collaboration.EventStore.Sqlite;

namespace Collaboration.Storage;

/// <summary>
/// Whether a failure is the storage's, not the request's, whichever backend raised it (ADR 0017, ADR 0021): the stores
/// translate their writes' faults to <see cref="StoreUnavailableException"/> themselves; this also recognises a raw fault
/// met on a read path (a read model's query while PostgreSQL is down), so the edge answers 503 for it too.
/// </summary>
public static class StoreFaults
{
    public static bool IsUnavailable(Exception exception) =>
        exception is StoreUnavailableException || SqliteFaults.IsUnavailable(exception) || PostgresFaults.IsUnavailable(exception);
}
