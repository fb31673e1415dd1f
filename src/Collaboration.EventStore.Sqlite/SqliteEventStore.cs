using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// The event store on one SQLite file: WAL, synchronous=FULL (an acknowledged append is on disk), one writer
/// that group-commits every append made concurrently into one transaction, and readers on their own pooled
/// connections that never block the writer.
/// </summary>
public sealed partial class SqliteEventStore : IEventStore, IStreamIndexMaintenance
{
    private readonly SqliteEventStoreOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly string connectionString;
    private readonly SqliteConnection writerConnection;
    private readonly SqliteAppendWriter writer;
    private readonly AppendQueue pending;
    private readonly Thread writerThread;
    private readonly SqliteWalCheckpointer? checkpointer;
    private readonly SqliteChangeCounter? changes;
    private readonly TaskCompletionSource writerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource headAdvanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long committedHead;
    private HeadSeen? headSeen;
    private long commits;
    private long committedAppends;
    private int disposed;

    /// <summary>
    /// Opens (creating file, directory and schema when missing) the store described by <paramref name="options"/>.
    /// Prefer <see cref="OpenAsync"/>; this constructor does the same work synchronously.
    /// </summary>
    public SqliteEventStore(SqliteEventStoreOptions options, TimeProvider timeProvider, ILogger<SqliteEventStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.options = options;
        time = timeProvider;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;

        var fullPath = System.IO.Path.GetFullPath(options.Path);
        if (System.IO.Path.GetDirectoryName(fullPath) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();

        writerConnection = new SqliteConnection(connectionString);
        try
        {
            writerConnection.Open();
            Configure(writerConnection);
            SqliteCommands.Execute(writerConnection, "PRAGMA journal_mode = WAL;");
            SqliteSchema.Migrate(writerConnection, time, this.logger);
            writer = new SqliteAppendWriter(writerConnection, time, options.StreamTailFoldRows);
            committedHead = SqliteCommands.ReadHeadPosition(writerConnection);
            changes = SqliteChangeCounter.TryOpen(fullPath, this.logger);
            if (options.WalCheckpointInterval > TimeSpan.Zero)
            {
                checkpointer = new SqliteWalCheckpointer(connectionString, options.WalCheckpointInterval, this.logger);
            }
        }
        catch
        {
            changes?.Dispose();
            writerConnection.Dispose();
            throw;
        }

        // A thread of its own, not a pool thread: the writer spends most of its time blocked in the fsync of
        // COMMIT, and on two cores a blocked pool thread is half the pool the callers' continuations need.
        pending = new AppendQueue(options.MaxPendingAppends);
        writerThread = new Thread(RunWriter) { IsBackground = true, Name = "SQLite event store writer" };
        writerThread.Start();
    }

    /// <summary>Opens (creating file, directory and schema when missing) the store described by <paramref name="options"/>.</summary>
    public static Task<SqliteEventStore> OpenAsync(
        SqliteEventStoreOptions options,
        TimeProvider timeProvider,
        ILogger<SqliteEventStore>? logger = null,
        CancellationToken ct = default) =>
        Task.Run(() => new SqliteEventStore(options, timeProvider, logger), ct);

    /// <summary>The database file.</summary>
    public string Path => options.Path;

    /// <summary>The change counter's file beside <paramref name="databasePath"/> (ADR 0032): no data of the log, not to be deleted while it is open.</summary>
    public static string ChangeCounterPathFor(string databasePath) => SqliteChangeCounter.PathFor(databasePath);

    /// <summary>The last position whose commit this store has acknowledged (0 for an empty log).</summary>
    public long CommittedPosition => Volatile.Read(ref committedHead);

    /// <summary>How many transactions the writer has committed and how many appends they carried (for diagnostics and benchmarks).</summary>
    public GroupCommitStatistics Statistics => new(Interlocked.Read(ref commits), Interlocked.Read(ref committedAppends));

    /// <summary>The background checkpoints so far that copied the whole WAL back (none when <see cref="SqliteEventStoreOptions.WalCheckpointInterval"/> is zero).</summary>
    public long WalCheckpoints => checkpointer?.Checkpoints ?? 0;

    /// <summary>
    /// Raised on the writer after each commit with the new head position. Handlers must be quick and must not
    /// throw (exceptions are logged and swallowed); to do real work, signal another task.
    /// </summary>
    public event Action<long>? Committed;

    /// <summary>
    /// This process's turn to write to the database: the log's writer takes it around each group commit, and so must
    /// any other writer in the process (the projections) around its write transaction. Waiting here is orderly; waiting
    /// in SQLite's busy handler polls with growing sleeps (1, 2, 5, 10 ms and up), which showed up as tens of
    /// milliseconds added to acknowledgements and to the live push. Other processes still meet the busy handler.
    /// </summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>
    /// Opens a new read/write connection to the same database (WAL, synchronous=FULL, busy timeout set), e.g. for
    /// a projection that writes its read model and checkpoint in one transaction. Start write transactions with
    /// <see cref="SqliteConnection.BeginTransaction()"/> (IMMEDIATE) so that waiting for the lock is orderly.
    /// Never write to the <c>events</c> table. The caller disposes the connection.
    /// </summary>
    public SqliteConnection OpenConnection()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>As <see cref="OpenConnection"/>, asynchronously.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = ConfigureSql;
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes once an event at <paramref name="position"/> or later has been committed by this store.</summary>
    public async Task WaitForPositionAsync(long position, CancellationToken ct = default)
    {
        while (true)
        {
            // Take the signal before reading the head: a commit in between then completes this very signal.
            var signal = Volatile.Read(ref headAdvanced);
            if (Volatile.Read(ref committedHead) >= position)
            {
                return;
            }

            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            await signal.Task.WaitAsync(ct);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(
        string stream,
        ReadDirection direction = ReadDirection.Forwards,
        long? fromRevision = null,
        int maxCount = int.MaxValue,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var forwards = direction == ReadDirection.Forwards;
        var next = fromRevision ?? (forwards ? 0 : long.MaxValue);
        var remaining = maxCount;
        while (remaining > 0)
        {
            ct.ThrowIfCancellationRequested();
            var page = ReadStreamPage(stream, forwards, next, Math.Min(remaining, options.ReadPageSize));
            foreach (var e in page)
            {
                yield return e;
            }

            if (page.Count < Math.Min(remaining, options.ReadPageSize))
            {
                yield break;
            }

            remaining -= page.Count;
            next = forwards ? page[^1].Revision + 1 : page[^1].Revision - 1;
            await Task.Yield();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadStreamStartsAsync(string streamPrefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamPrefix);
        var after = "";
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var page = ReadStreamStartsPage(streamPrefix, after, options.ReadPageSize);
            foreach (var e in page)
            {
                yield return e;
            }

            if (page.Count < options.ReadPageSize)
            {
                yield break;
            }

            after = page[^1].Stream;
            await Task.Yield();
        }
    }

    /// <inheritdoc />
    public Task<long?> ReadStreamRevisionAsync(string stream, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(ReadStreamRevision(stream));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        long fromPosition = 1,
        int maxCount = int.MaxValue,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0)
        {
            yield break;
        }

        var remaining = maxCount;
        var size = Math.Min(remaining, options.ReadPageSize);
        var page = ReadAllPage(Math.Max(1, fromPosition), size);
        Task<List<RecordedEvent>>? prefetch = null;
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                remaining -= page.Count;

                // While the consumer works through this page, the next one is read on another core: at most two
                // pages are ever held, so a slow consumer still only costs bounded memory.
                prefetch = null;
                if (page.Count == size && remaining > 0)
                {
                    var nextFrom = page[^1].Position + 1;
                    var nextSize = Math.Min(remaining, options.ReadPageSize);
                    size = nextSize;
                    prefetch = Task.Run(() => ReadAllPage(nextFrom, nextSize), ct);
                }

                foreach (var e in page)
                {
                    yield return e;
                }

                if (prefetch is null)
                {
                    yield break;
                }

                // A failed read of the next page (a gap, a storage fault) surfaces here, after every event before it.
                var next = prefetch;
                prefetch = null;
                page = await next;
            }
        }
        finally
        {
            // A consumer that stops early (break, an exception, cancellation) does not leave a read running behind it
            // on a pooled connection, possibly past the store's disposal: it waits for that one page and drops it.
            if (prefetch is not null)
            {
                await ((Task)prefetch).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The head read last is answered again while the change counter has not moved since it was read (ADR 0032): every
    /// process bumps the counter after its commits and before acknowledging them, so no acknowledged append is missed.
    /// </remarks>
    public Task<long> ReadHeadPositionAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (changes is null)
        {
            using var reader = OpenReader();
            return Task.FromResult(SqliteCommands.ReadHeadPosition(reader));
        }

        // The counter first, then the head: a commit between the two is in the head and moves the counter, so the
        // pair only ever looks older than it is.
        var counted = changes.Read();
        if (Volatile.Read(ref headSeen) is { } seen && seen.Changes == counted)
        {
            return seen.Head;
        }

        using var connection = OpenReader();
        var head = Task.FromResult(SqliteCommands.ReadHeadPosition(connection));
        Volatile.Write(ref headSeen, new HeadSeen(counted, head));
        return head;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(long afterPosition, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        var next = afterPosition + 1;
        while (true)
        {
            ct.ThrowIfCancellationRequested();

            // Pages come from storage, so a consumer far behind costs one page of memory, not a growing buffer.
            var page = ReadAllPage(next, options.ReadPageSize);
            foreach (var e in page)
            {
                ct.ThrowIfCancellationRequested();
                yield return e;
            }

            if (page.Count > 0)
            {
                next = page[^1].Position + 1;
            }

            if (page.Count < options.ReadPageSize)
            {
                await WaitForPositionAsync(next, ct);
            }
        }
    }

    /// <inheritdoc />
    public Task<ChainVerification> VerifyAsync(long fromPosition = 1, long? toPosition = null, CancellationToken ct = default) =>
        VerifyAsync(fromPosition, toPosition, progress: null, ct);

    /// <inheritdoc />
    public Task<ChainVerification> VerifyAsync(long fromPosition, long? toPosition, IProgress<long>? progress, CancellationToken ct = default) =>
        Task.Run(() => Verify(Math.Max(1, fromPosition), toPosition, progress, ct), ct);

    /// <inheritdoc />
    public Task<ChainHead> ReadChainHeadAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(ReadChainHead());
    }

    /// <summary>Stops accepting appends, lets the writer finish what is queued, and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        pending.Close();
        await writerStopped.Task;
        checkpointer?.Dispose();
        changes?.Dispose();
        Volatile.Read(ref headAdvanced).TrySetResult();
        writer.Dispose();
        SqliteConnection.ClearPool(writerConnection);
        await writerConnection.DisposeAsync();
    }

    /// <summary>
    /// Event ids are stored big-endian (RFC 9562 byte order) so that time-ordered (version 7) ids land at the
    /// right edge of the unique index instead of on random pages.
    /// </summary>
    internal static byte[] IdBytes(Guid id)
    {
        var bytes = new byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }

    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    // Every connection gets the checkpoint interval: whichever connection commits past it runs the checkpoint (the
    // backstop when the background checkpointer runs, SqliteWalCheckpointer).
    private string ConfigureSql =>
        $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA wal_autocheckpoint = {Math.Max(1, options.WalAutoCheckpointPages)};";

    private void Configure(SqliteConnection connection) => SqliteCommands.Execute(connection, ConfigureSql);

    /// <summary>The head read at a value of the change counter, kept as the finished task every caller then shares.</summary>
    private sealed record HeadSeen(long Changes, Task<long> Head);
}
