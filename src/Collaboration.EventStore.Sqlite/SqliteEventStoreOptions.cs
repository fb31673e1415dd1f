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
    /// commits instead of settling into two alternating half-size groups. The writer waits spinning and yielding
    /// its core to the returning callers (waking a blocked thread costs more than the whole wait usually takes).
    /// A wait that runs out switches gathering off for the following commit, so light traffic spends at most
    /// this much CPU every other commit; zero disables it; a lone writer never waits.
    /// </summary>
    public TimeSpan GroupCommitGatherWindow { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// WAL size, in pages, at which a committing connection checkpoints (SQLite's <c>wal_autocheckpoint</c>,
    /// whose default is 1,000). A checkpoint copies each page once however often it changed since the last one,
    /// and group commits keep rewriting the same hot pages (the last page of the log, of the event-id index and of
    /// the stream tail; the stream index pages at each fold), so a longer interval copies fewer pages per event.
    /// 10,000 pages is a WAL of about 40 MiB. With <see cref="WalCheckpointInterval"/> set, the WAL is copied back in
    /// the background long before it grows this large, and this is only the backstop.
    /// </summary>
    public int WalAutoCheckpointPages { get; init; } = 10_000;

    /// <summary>
    /// How often a thread of the store's own copies the WAL back into the database (a PASSIVE checkpoint, which no
    /// writer waits for; <see cref="SqliteWalCheckpointer"/>). Zero leaves it to SQLite's automatic checkpoint alone,
    /// which runs inside the COMMIT of a writer of this process and holds up every write behind it.
    /// </summary>
    public TimeSpan WalCheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many stream entries the append-only <c>stream_tail</c> gathers before the writer folds them into
    /// <c>stream_index</c> inside a group commit (ADR 0010). A fold rewrites each affected stream's index page once
    /// for all its entries instead of once per commit; stream reads scan the tail, so it is kept small (light
    /// traffic folds at 256 entries).
    /// </summary>
    public int StreamTailFoldRows { get; init; } = 4_096;

    /// <summary>
    /// Rows fetched per query when reading $all or catching up a subscription. Small on purpose: a page, and the one
    /// $all reads ahead, are alive at every collection, and a young-generation collection costs what survives it;
    /// with 4,096 rows (about 5 MiB with their events) most of the young generation survived each one, and the
    /// collections' pauses were most of the time of $all read and deserialised. Per query a page costs a pooled
    /// connection and one prepared statement, a few microseconds over 1,024 rows. (ADR 0008, amendment of 2026-12-04.)
    /// </summary>
    public int ReadPageSize { get; init; } = 1_024;
}
