using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Collaboration.EventStore.Postgres;

/// <summary>
/// The event store on one PostgreSQL database, shared by several app nodes (ADR 0012). Each node runs one writer
/// that group-commits every append made concurrently on that node into one transaction; the transactions of all
/// nodes serialise on the row lock of the position counter, so positions are dense and in commit order across
/// processes. A group commits asynchronously under that lock and is acknowledged only after a synchronous durable
/// mark that covers it; every read stops at the largest mark, so nothing a crash could take back is ever read or
/// acknowledged (ADR 0025). Marks notify the other nodes' subscriptions through <c>LISTEN/NOTIFY</c>; subscriptions
/// also poll, in case a notification is lost.
/// </summary>
public sealed partial class PostgresEventStore : IEventStore
{
    private readonly PostgresEventStoreOptions options;
    private readonly ILogger logger;
    private readonly NpgsqlDataSource dataSource;
    private readonly PostgresAppendWriter writer;
    private readonly Channel<PendingAppend> pending;
    private readonly Task writerLoop;
    private readonly CancellationTokenSource stopping = new();
    private TaskCompletionSource headAdvanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? listenerLoop;
    private TaskCompletionSource? gathered;
    private int gatherTarget;
    private long knownHead;
    private long commits;
    private long committedAppends;
    private long commitsInOneRoundTrip;
    private long commitsMoved;
    private int listening;
    private int disposed;

    private PostgresEventStore(PostgresEventStoreOptions options, TimeProvider time, ILogger logger, NpgsqlDataSource dataSource, long head)
    {
        this.options = options;
        this.logger = logger;
        this.dataSource = dataSource;
        knownHead = head;
        writer = new PostgresAppendWriter(dataSource, time, options.NotificationChannel);
        pending = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(options.MaxPendingAppends)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        writerLoop = Task.Run(RunWriterAsync);
    }

    /// <summary>Opens the store on the database of <paramref name="options"/>, creating or migrating its tables.</summary>
    public static async Task<PostgresEventStore> OpenAsync(
        PostgresEventStoreOptions options,
        TimeProvider timeProvider,
        ILogger<PostgresEventStore>? logger = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        var log = (ILogger?)logger ?? NullLogger.Instance;
        var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        try
        {
            await PostgresSchema.MigrateAsync(dataSource, log, ct);
            var head = await ReadHeadAsync(dataSource, ct);
            return new PostgresEventStore(options, timeProvider, log, dataSource, head.Position);
        }
        catch (Exception e)
        {
            await dataSource.DisposeAsync();
            if (e is not StoreUnavailableException && PostgresFaults.IsUnavailable(e))
            {
                throw PostgresFaults.Translate(e);
            }

            throw;
        }
    }

    /// <summary>The highest position this node knows to be committed: its own commits and those notified by other nodes.</summary>
    public long KnownPosition => Volatile.Read(ref knownHead);

    /// <summary>How many transactions this node's writer has committed and how many appends they carried.</summary>
    public PostgresCommitStatistics Statistics => new(Interlocked.Read(ref commits), Interlocked.Read(ref committedAppends), Interlocked.Read(ref commitsInOneRoundTrip), Interlocked.Read(ref commitsMoved));

    /// <summary>True while this node holds a connection listening for other nodes' commits.</summary>
    public bool IsListening => Volatile.Read(ref listening) != 0;

    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(
        string stream,
        ExpectedRevision expected,
        IReadOnlyList<EventToAppend> events,
        CancellationToken ct = default)
    {
        // Not an async method: when the append is queued at once (the usual case), the caller awaits the writer's
        // completion itself, which saves a state machine and a continuation per append. Failures before queueing
        // still come back as a faulted or cancelled task, as they did from the async method.
        PendingAppend append;
        ValueTask queued;
        try
        {
            Validate(stream, events);
            if (ct.IsCancellationRequested)
            {
                return Task.FromCanceled<AppendResult>(ct);
            }

            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            append = new PendingAppend(stream, expected, events, ct);
            queued = pending.Writer.WriteAsync(append, ct);
        }
#pragma warning disable CA1031 // Not swallowed: handed to the caller as the faulted task.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException<AppendResult>(e);
        }

        if (!queued.IsCompletedSuccessfully)
        {
            return AppendWhenQueuedAsync(queued, append);
        }

        SignalGathered();
        return append.Completion.Task;
    }

    /// <summary>The channel was full (or closed): waits for room, then for the writer.</summary>
    private async Task<AppendResult> AppendWhenQueuedAsync(ValueTask queued, PendingAppend append)
    {
        try
        {
            await queued;
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(PostgresEventStore));
        }

        SignalGathered();
        return await append.Completion.Task;
    }

    /// <summary>The writer may be waiting for this append to fill its next group.</summary>
    private void SignalGathered()
    {
        if (Volatile.Read(ref gatherTarget) is > 0 and var target && pending.Reader.Count >= target)
        {
            Volatile.Read(ref gathered)?.TrySetResult();
        }
    }

    private static void Validate(string stream, IReadOnlyList<EventToAppend> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }

        var ids = new HashSet<Guid>(events.Count);
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            ArgumentException.ThrowIfNullOrEmpty(e.Type, nameof(events));
            ArgumentNullException.ThrowIfNull(e.Metadata, nameof(events));
            if (!ids.Add(e.EventId))
            {
                throw new ArgumentException($"Event id {e.EventId} appears twice in one append.", nameof(events));
            }
        }
    }

    /// <summary>
    /// The group-commit loop: takes every append queued at that moment (up to <see cref="PostgresEventStoreOptions.MaxEventsPerCommit"/>)
    /// into one transaction; appends arriving meanwhile form the next group. After a group of several appends it
    /// first waits (at most the gather window) for those callers to come back, so that they share the next commit.
    /// </summary>
    private async Task RunWriterAsync()
    {
        var batch = new List<PendingAppend>();
        var expected = 0;
        while (await pending.Reader.WaitToReadAsync())
        {
            var gatheredAll = expected == 0 || await GatherAsync(expected);
            batch.Clear();
            var events = 0;
            while (events < options.MaxEventsPerCommit && pending.Reader.TryRead(out var append))
            {
                batch.Add(append);
                events += append.Events.Count;
            }

            try
            {
                await writer.WriteAsync(batch);
                Interlocked.Increment(ref commits);
                Interlocked.Add(ref committedAppends, batch.Count);
                Interlocked.Exchange(ref commitsInOneRoundTrip, writer.CommitsInOneRoundTrip);
                Interlocked.Exchange(ref commitsMoved, writer.CommitsMoved);
            }
#pragma warning disable CA1031 // The writer must survive any failure: it is handed to the callers of this group.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogBatchFailed(logger, e, batch.Count);
                foreach (var append in batch)
                {
                    append.Fail(PostgresFaults.Translate(e));
                }
            }

            // The callers about to be answered usually append again at once: the next group expects them and whatever
            // is queued already. A group whose callers did not all come back in time switches gathering off for one group.
            expected = gatheredAll && batch.Count > 1 ? pending.Reader.Count + batch.Count : 0;

            // Publish the durable mark before answering: once an append is acknowledged, this node's subscriptions know of it.
            PublishHead(writer.Durable);
            foreach (var append in batch)
            {
                append.Complete();
            }
        }
    }

    /// <summary>Waits until <paramref name="expected"/> appends are queued or the gather window runs out (false).</summary>
    private async Task<bool> GatherAsync(int expected)
    {
        var window = options.GroupCommitGatherWindow;
        if (window <= TimeSpan.Zero || pending.Reader.Count >= expected)
        {
            return true;
        }

        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref gathered, signal);
        Volatile.Write(ref gatherTarget, expected);
        try
        {
            // Checked again after publishing the target: an append queued in between has not signalled.
            if (pending.Reader.Count >= expected)
            {
                return true;
            }

            await signal.Task.WaitAsync(window);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            Volatile.Write(ref gatherTarget, 0);
            Volatile.Write(ref gathered, null);
        }
    }

    private void PublishHead(long head)
    {
        long known;
        do
        {
            known = Volatile.Read(ref knownHead);
            if (head <= known)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref knownHead, head, known) != known);

        Wake();
    }

    private void Wake() =>
        Interlocked.Exchange(ref headAdvanced, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Completes once this node knows of a commit at <paramref name="position"/> or later, or after the poll interval
    /// (the caller then looks at the log itself). With <paramref name="evenIfKnown"/>, waits for the next signal
    /// even if the position is already known (used when the log did not show what the signals promised).
    /// </summary>
    private async Task WaitForPositionAsync(long position, bool evenIfKnown, CancellationToken ct)
    {
        EnsureListening();
        var signal = Volatile.Read(ref headAdvanced);
        if (!evenIfKnown && Volatile.Read(ref knownHead) >= position)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        try
        {
            // Real time, not the store's TimeProvider: the poll is a safety net, not part of the log's semantics.
            await signal.Task.WaitAsync(options.PollInterval, ct);
        }
        catch (TimeoutException)
        {
            // Polling fallback: look at the log again.
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(long afterPosition, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        var next = afterPosition + 1;
        long bound = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();

            // Pages come from storage, so a consumer far behind costs one page of memory, not a growing buffer. Up to
            // the last durable mark read, pages are bounded by it as a constant; beyond it, the page reads the mark again.
            var known = next <= bound;
            var page = await ReadAllPageAsync(next, options.ReadPageSize, known ? bound : null, ct);
            bound = Math.Max(bound, page.Mark ?? 0);
            foreach (var e in page.Rows)
            {
                ct.ThrowIfCancellationRequested();
                yield return e;
            }

            if (page.Rows.Count > 0)
            {
                next = page.Rows[^1].Position + 1;
            }

            // A short page under an old mark only reached that mark: the next page looks at the current one at once.
            if (page.Rows.Count < options.ReadPageSize && !known)
            {
                await WaitForPositionAsync(next, evenIfKnown: page.Rows.Count == 0, ct);
            }
        }
    }

    /// <summary>Starts this node's listening connection the first time a subscription waits.</summary>
    private void EnsureListening()
    {
        if (Volatile.Read(ref listenerLoop) is null && Volatile.Read(ref disposed) == 0)
        {
            var loop = new Task<Task>(ListenAsync);
            if (Interlocked.CompareExchange(ref listenerLoop, loop.Unwrap(), null) is null)
            {
                loop.Start(TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Keeps one connection listening on the notification channel; each notification carries a committed head.
    /// When the connection breaks, it reconnects after the poll interval (subscriptions poll meanwhile).
    /// </summary>
    private async Task ListenAsync()
    {
        var stop = stopping.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stop);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {options.NotificationChannel};", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }

                Volatile.Write(ref listening, 1);

                // Commits made before LISTEN took effect were not notified here: wake the waiters to look once.
                Wake();
                while (true)
                {
                    await connection.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Listening is an optimisation over polling; a failure must not end it for good.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Volatile.Write(ref listening, 0);
                LogListenFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.PollInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var head))
        {
            PublishHead(head);
        }
        else
        {
            Wake();
        }
    }

    /// <summary>Stops accepting appends, lets the writer finish what is queued, stops listening and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        pending.Writer.TryComplete();
        await writerLoop;
        await stopping.CancelAsync();
        if (Volatile.Read(ref listenerLoop) is { } listener)
        {
            await listener;
        }

        Wake();
        stopping.Dispose();
        await dataSource.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Group commit of {Appends} appends failed; every append of the group is failed.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int appends);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for commits failed; subscriptions poll until the connection is back.")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
