using Collaboration.EventStore;
using Collaboration.Projections.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collaboration.Projections.Running;

/// <summary>
/// Runs projections over any <see cref="IEventStore"/> into any <see cref="IViewStore"/> in one pass: each batch of the
/// log is read and deserialised once, every stream's state is evolved once (<see cref="StreamStates"/>), every
/// projection applies the batch, and all of their documents and checkpoints commit in one view-store transaction. After a crash each projection
/// resumes exactly where the last commit left it: an effect is either there with its checkpoint or not at all.
/// Projections can be rebuilt from position 0 into new generations, in one pass of their own, while the active ones
/// keep serving; the new generations are swapped in, in one transaction, once they have caught up.
/// </summary>
public sealed partial class ProjectionRunner
{
    /// <summary>Events per live batch; the live follower commits as soon as the log has no more.</summary>
    public const int MaxBatch = 256;

    /// <summary>
    /// Events per rebuild transaction: large enough that a document changing on every event is written a few times
    /// instead of thousands, small enough that the log's writer never waits long for the database's write lock.
    /// </summary>
    public const int RebuildBatch = 2_048;

    /// <summary>
    /// Rebuild batches applied whose commits may still be waiting their turn: commits take turns (one transaction at a
    /// time), and one batch's commit can take longer than applying the next (a checkpoint, a batch of large documents),
    /// so with a single batch in flight the applying thread waited for a third of a rebuild (ADR 0009's amendment of
    /// 2026-12-07, evening).
    /// </summary>
    public const int RebuildCommitsInFlight = 8;

    /// <summary>A batch that wrote no document still persists the checkpoints when it crosses a multiple of this position.</summary>
    public const long CheckpointInterval = 1024;

    /// <summary>How long a projection that threw sits out before the live follower tries it again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    /// <summary>How soon the live follower notices a generation another process swapped in.</summary>
    public static readonly TimeSpan SwapCheckInterval = TimeSpan.FromMilliseconds(250);

    private const int RebuildReadChunk = 65_536;

    private readonly IEventStore store;
    private readonly EventSerializer serializer;
    private readonly IViewChangePublisher? publisher;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly Dictionary<string, Slot> slots;
    private readonly SemaphoreSlim liveGate = new(1, 1);
    private readonly StreamStates liveStates;
    private TaskCompletionSource advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock startLock = new();
    private Task? started;
    private DateTimeOffset lastSwapCheck = DateTimeOffset.MinValue;
    private long knownHead;
    private long announcedThrough;

    public ProjectionRunner(
        IEventStore store,
        IViewStore views,
        EventSerializer serializer,
        IEnumerable<IProjection> projections,
        IViewChangePublisher? publisher = null,
        ILogger<ProjectionRunner>? logger = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(projections);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(views);
        this.store = store;
        this.serializer = serializer;
        this.publisher = publisher;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        this.time = time ?? TimeProvider.System;
        slots = projections.ToDictionary(p => p.Name, p => new Slot(p), StringComparer.Ordinal);
        liveStates = NewStates(StreamStates.LiveCapacity);
        Views = views;
    }

    /// <summary>Where the read models are stored; its queries read the active generation of every projection.</summary>
    public IViewStore Views { get; }

    /// <summary>The event store the projections follow.</summary>
    public IEventStore EventStore => store;

    public IReadOnlyCollection<IProjection> Projections => [.. slots.Values.Select(s => s.Projection)];

    /// <summary>Test seam: throw after a batch's documents are written and before its checkpoints are, as a crash would.</summary>
    internal Func<long, bool>? CrashBeforeCheckpoint { get; set; }

    /// <summary>The lowest active checkpoint over every projection: every change at or below it has been published.</summary>
    public long PublishedThrough => slots.Values.Select(s => s.Active?.CheckpointNow ?? 0).DefaultIfEmpty(0).Min();

    /// <summary>The active generation's checkpoint of a projection (0 before it ran).</summary>
    public long CheckpointOf(string projection) => slots[projection].Active?.CheckpointNow ?? 0;

    /// <summary>The head position last seen (by the follower or a lag probe) minus the projection's checkpoint: cheap, for gauges.</summary>
    public long ObservedLagOf(string projection) => Math.Max(0, Volatile.Read(ref knownHead) - CheckpointOf(projection));

    /// <summary>The log's current head position minus the projection's checkpoint.</summary>
    public async Task<long> LagOfAsync(string projection, CancellationToken ct = default)
    {
        await ReadHeadAsync(ct);
        return ObservedLagOf(projection);
    }

    /// <summary>The largest lag over all projections, against the log's current head.</summary>
    public async Task<long> MaxLagAsync(CancellationToken ct = default)
    {
        await ReadHeadAsync(ct);
        return slots.Count == 0 ? 0 : slots.Keys.Max(ObservedLagOf);
    }

    /// <summary>
    /// The lowest checkpoint committed in the store among these projections' active generations: how far the read models
    /// are, whichever process runs them (a node that does not lead reads it; this process's own runner may not run).
    /// </summary>
    public async Task<long> CommittedCheckpointAsync(CancellationToken ct = default)
    {
        var active = await Views.ReadActiveAsync(ct);
        return active.Where(a => slots.ContainsKey(a.Projection)).Select(a => a.Checkpoint).DefaultIfEmpty(0).Min();
    }

    /// <summary>Creates the tables and loads every projection's active generation and checkpoint. Idempotent and safe to call concurrently.</summary>
    public Task StartAsync(CancellationToken ct = default)
    {
        lock (startLock)
        {
            // A cancelled or failed start may be retried; a successful one is shared.
            if (started is null || started.IsFaulted || started.IsCanceled)
            {
                started = LoadAsync(ct);
            }

            return started;
        }
    }

    /// <summary>
    /// Forgets what this process knew of the read models (generations, checkpoints, cached stream states) and loads them
    /// again from the store: for a node that starts running the projections after another node ran them, so it resumes
    /// from the committed checkpoints and applies nothing twice. Call only while nothing runs here (no
    /// <see cref="RunAsync"/> or <see cref="CatchUpAsync"/> in progress).
    /// </summary>
    public Task ReloadAsync(CancellationToken ct = default)
    {
        lock (startLock)
        {
            liveStates.Clear();
            lastSwapCheck = DateTimeOffset.MinValue;
            started = LoadAsync(ct);
            return started;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await Views.InitializeAsync(ct);
        foreach (var slot in slots.Values)
        {
            var active = await Views.RegisterAsync(slot.Projection.Name, slot.Projection.Version, ct);
            slot.Active = new Target(slot.Projection, active.Generation, active.Checkpoint);
            slot.NeedsRebuild = active.CodeVersion != slot.Projection.Version;
        }

        await ReadHeadAsync(ct);
    }

    private async Task<long> ReadHeadAsync(CancellationToken ct)
    {
        var head = await store.ReadHeadPositionAsync(ct);
        NoteHead(head);
        return head;
    }

    private void NoteHead(long position)
    {
        var seen = Volatile.Read(ref knownHead);
        while (position > seen)
        {
            var previous = Interlocked.CompareExchange(ref knownHead, position, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    /// <summary>Brings every projection up to the current head and returns (for tests, the CLI and start-up). A failing projection fails the call.</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        await StartAsync(ct);
        await liveGate.WaitAsync(ct);
        try
        {
            while (await ApplyNextLiveBatchAsync(isolateFailures: false, ct))
            {
            }
        }
        finally
        {
            liveGate.Release();
        }
    }

    /// <summary>Follows the log for ever (until <paramref name="ct"/>): every projection live, plus a rebuild of those whose code version changed.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await StartAsync(ct);
        var work = new List<Task> { FollowAsync(ct) };
        var outdated = slots.Values.Where(s => s.NeedsRebuild).Select(s => s.Projection.Name).ToList();
        if (outdated.Count > 0)
        {
            work.Add(RebuildAsync(outdated, null, ct));
        }

        await Task.WhenAll(work);
    }

    /// <summary>Completes once every projection has committed <paramref name="position"/> (read-your-writes for callers and tests).</summary>
    public async Task WaitForAsync(long position, CancellationToken ct = default)
    {
        while (true)
        {
            var signal = Volatile.Read(ref advanced);
            if (slots.Values.All(s => s.Active?.CheckpointNow >= position))
            {
                return;
            }

            await signal.Task.WaitAsync(ct);
        }
    }

    private StreamStates NewStates(int capacity = StreamStates.DefaultCapacity) => new((stream, upTo, ct) => HistoryAsync(stream, upTo, ct), capacity);

    private async IAsyncEnumerable<object> HistoryAsync(string stream, long upToPosition, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var recorded in store.ReadStreamAsync(stream, ct: ct))
        {
            // Later events exist when catching up; the view must not see the future.
            if (recorded.Position > upToPosition)
            {
                yield break;
            }

            yield return serializer.Deserialize(recorded);
        }
    }

    private void Signal() => Interlocked.Exchange(ref advanced, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} failed after checkpoint {Checkpoint}; it sits out and is retried from it")]
    private partial void LogFailed(Exception ex, string projection, long checkpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "A projection batch failed; retrying from the committed checkpoints")]
    private partial void LogBatchFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing view changes failed")]
    private partial void LogPublishFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection}: generation {Generation} (checkpoint {Position}) was swapped in by another process; following it")]
    private partial void LogAdopted(string projection, long generation, long position);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection} rebuilt as generation {Generation} at {Position} and swapped in")]
    private partial void LogSwapped(string projection, long generation, long position);

    private sealed record BatchOutcome(long Last, IReadOnlyList<StoredView> Changed, IReadOnlyList<(Target Target, Exception Error)> Failed);

    private sealed class Slot(IProjection projection)
    {
        public IProjection Projection { get; } = projection;

        /// <summary>The generation queries read and the live follower writes; set by the start-up load and by swaps.</summary>
        public Target? Active { get; set; }

        public bool NeedsRebuild { get; set; }

        /// <summary>A projection that threw is left out of live batches until then.</summary>
        public DateTimeOffset RetryAt { get; set; } = DateTimeOffset.MinValue;
    }

    /// <summary>One generation of one projection being written: its writer and how far it has committed.</summary>
    private sealed class Target(IProjection projection, long generation, long checkpoint)
    {
        private long checkpoint = checkpoint;

        public IProjection Projection { get; } = projection;

        public long Generation { get; } = generation;

        public ViewWriter Writer { get; } = new(projection.Name, generation);

        /// <summary>Read from lag probes and waiters on other threads.</summary>
        public long CheckpointNow => Volatile.Read(ref checkpoint);

        public void Advance(long position)
        {
            if (position > CheckpointNow)
            {
                Volatile.Write(ref checkpoint, position);
            }
        }
    }
}
