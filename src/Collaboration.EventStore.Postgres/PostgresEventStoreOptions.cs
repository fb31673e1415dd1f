using System.Text.RegularExpressions;

namespace Collaboration.EventStore.Postgres;

/// <summary>Settings of the PostgreSQL event store (bound from configuration section <c>Store:Postgres</c>).</summary>
public sealed partial record PostgresEventStoreOptions
{
    /// <summary>The Npgsql connection string of the database that holds the log (its tables are created on open).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The most events one group-commit transaction takes; more pending appends wait for the next one.</summary>
    public int MaxEventsPerCommit { get; init; } = 10_000;

    /// <summary>How many appends may wait for this node's writer before callers are made to wait (back-pressure).</summary>
    public int MaxPendingAppends { get; init; } = 65_536;

    /// <summary>
    /// After committing a group of several appends, how long the writer may wait for those callers' next appends
    /// before it starts the next group, so that concurrent writers share one commit instead of settling into two
    /// alternating half-size groups (each commit costs a WAL flush, however many appends it carries). A wait that
    /// runs out switches gathering off for the following group, so light traffic waits at most every other commit;
    /// zero disables it; a lone writer never waits.
    /// </summary>
    public TimeSpan GroupCommitGatherWindow { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Rows fetched per query when reading $all or catching up a subscription.</summary>
    public int ReadPageSize { get; init; } = 4_096;

    /// <summary>
    /// The <c>LISTEN/NOTIFY</c> channel every commit notifies with its new head (an SQL identifier: lower-case
    /// letters, digits and underscores). Subscriptions wake on it, from this node and every other node.
    /// </summary>
    public string NotificationChannel { get; init; } = "collaboration_events";

    /// <summary>
    /// How long a waiting subscription sleeps before it looks at the log again without having been notified: the
    /// fallback when a notification is lost (the listening connection broke) or not yet listening.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEventsPerCommit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPendingAppends, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(GroupCommitGatherWindow, TimeSpan.Zero);
        if (!ChannelName().IsMatch(NotificationChannel ?? ""))
        {
            throw new ArgumentException(
                $"The notification channel '{NotificationChannel}' must be lower-case letters, digits and underscores, starting with a letter.",
                nameof(NotificationChannel));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelName();
}
