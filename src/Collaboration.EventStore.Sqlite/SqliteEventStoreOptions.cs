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
    /// After committing a group of several appends, how long the next transaction may stay open for those
    /// callers' next appends (inserting them as they arrive) before it commits, so that concurrent writers share
    /// commits instead of settling into two alternating half-size groups. The writer blocks rather than spins,
    /// so the wait resolves whole milliseconds. A wait that runs out switches gathering off for the following
    /// commit; zero disables it; a lone writer never waits.
    /// </summary>
    public TimeSpan GroupCommitGatherWindow { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// WAL size, in pages, at which a committing connection checkpoints (SQLite's <c>wal_autocheckpoint</c>,
    /// whose default is 1,000). A checkpoint copies each page once however often it changed since the last one,
    /// and every group commit rewrites the same hot index pages (one per active stream), so a longer interval
    /// copies far fewer pages per event. 10,000 pages is a WAL of about 40 MiB.
    /// </summary>
    public int WalAutoCheckpointPages { get; init; } = 10_000;

    /// <summary>Rows fetched per query when reading $all or catching up a subscription.</summary>
    public int ReadPageSize { get; init; } = 4_096;
}
