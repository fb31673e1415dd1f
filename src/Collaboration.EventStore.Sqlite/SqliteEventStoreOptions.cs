namespace Collaboration.EventStore.Sqlite;

/// <summary>Settings of the SQLite event store (bound from configuration section <c>Store:Sqlite</c>).</summary>
public sealed record SqliteEventStoreOptions
{
    /// <summary>The database file; created with its directory when missing.</summary>
    public required string Path { get; init; }

    /// <summary>How long a statement waits for a lock held by another connection before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most events one group-commit transaction takes; more pending appends wait for the next one.</summary>
    public int MaxEventsPerCommit { get; init; } = 10_000;

    /// <summary>How many appends may wait for the writer before callers are made to wait (back-pressure).</summary>
    public int MaxPendingAppends { get; init; } = 65_536;

    /// <summary>
    /// After committing a batch of several appends, how long the writer may wait for those callers' next appends
    /// before starting the next transaction, so that concurrent writers share commits instead of settling into
    /// two alternating half-size groups. Zero disables it; a lone writer never waits.
    /// </summary>
    public TimeSpan GroupCommitGatherWindow { get; init; } = TimeSpan.FromMicroseconds(200);

    /// <summary>Rows fetched per query when reading $all or catching up a subscription.</summary>
    public int ReadPageSize { get; init; } = 4_096;
}
