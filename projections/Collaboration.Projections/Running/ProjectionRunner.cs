using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collaboration.Projections.Running;

/// <summary>
/// Runs projections against the SQLite log in one pass: each batch of the log is read and deserialised once, every
/// stream's state is evolved once (<see cref="StreamStates"/>), every projection applies the batch, and all of their
/// documents and checkpoints commit in one transaction in the events' database. After a crash each projection
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

    /// <summary>A batch that wrote no document still persists the checkpoints when it crosses a multiple of this position.</summary>
    public const long CheckpointInterval = 1024;

    /// <summary>How long a projection that threw sits out before the live follower tries it again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    /// <summary>How soon the live follower notices a generation another process swapped in.</summary>
    public static readonly TimeSpan SwapCheckInterval = TimeSpan.FromMilliseconds(250);

    private const int RebuildReadChunk = 65_536;

    private readonly SqliteEventStore store;
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

    public ProjectionRunner(
        SqliteEventStore store,
        EventSerializer serializer,
        IEnumerable<IProjection> projections,
        IViewChangePublisher? publisher = null,
        ILogger<ProjectionRunner>? logger = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(projections);
        this.store = store;
        this.serializer = serializer;
        this.publisher = publisher;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        this.time = time ?? TimeProvider.System;
        slots = projections.ToDictionary(p => p.Name, p => new Slot(p), StringComparer.Ordinal);
        liveStates = NewStates();
        Views = new SqliteViewStore(store);
    }

    /// <summary>Queries over the active generation of every projection.</summary>
    public SqliteViewStore Views { get; }

    public IReadOnlyCollection<IProjection> Projections => [.. slots.Values.Select(s => s.Projection)];

    /// <summary>Test seam: throw after a batch's documents are written and before its checkpoints are, as a crash would.</summary>
    internal Func<long, bool>? CrashBeforeCheckpoint { get; set; }

    /// <summary>The active generation's checkpoint of a projection (0 before it ran).</summary>
    public long CheckpointOf(string projection) => slots[projection].Active?.CheckpointNow ?? 0;

    /// <summary>Head position minus the projection's checkpoint.</summary>
    public long LagOf(string projection) => Math.Max(0, store.CommittedPosition - CheckpointOf(projection));

    /// <summary>The largest lag over all projections.</summary>
    public long MaxLag => slots.Count == 0 ? 0 : slots.Keys.Max(LagOf);

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

    private async Task LoadAsync(CancellationToken ct)
    {
        await Views.EnsureSchemaAsync(ct);
        await using var connection = await store.OpenConnectionAsync(ct);
        foreach (var slot in slots.Values)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO projection_active (projection, generation, code_version) VALUES ($p, 1, $v) ON CONFLICT DO NOTHING;
                INSERT INTO projection_checkpoints (projection, generation, position) VALUES ($p, 1, 0) ON CONFLICT DO NOTHING;
                SELECT a.generation, a.code_version, coalesce(c.position, 0) FROM projection_active a
                LEFT JOIN projection_checkpoints c ON c.projection = a.projection AND c.generation = a.generation
                WHERE a.projection = $p;
                """;
            command.Parameters.AddWithValue("$p", slot.Projection.Name);
            command.Parameters.AddWithValue("$v", slot.Projection.Version);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            slot.Active = new Target(slot.Projection, reader.GetInt64(0), reader.GetInt64(2));
            slot.NeedsRebuild = reader.GetInt64(1) != slot.Projection.Version;
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

    /// <summary>
    /// Rebuilds a projection from position 0 into a new generation while the active one keeps serving, then swaps the
    /// new generation in once it has caught up and drops the old one.
    /// </summary>
    public Task RebuildAsync(string projection, CancellationToken ct = default) => RebuildAsync([projection], null, ct);

    /// <summary>As <see cref="RebuildAsync(string, CancellationToken)"/>, reporting the new generation's position after each batch.</summary>
    public Task RebuildAsync(string projection, IProgress<long>? progress, CancellationToken ct = default) => RebuildAsync([projection], progress, ct);

    /// <summary>
    /// Rebuilds several projections in one pass over the log (each event read, deserialised and folded once for all of
    /// them) and swaps all of them in together.
    /// </summary>
    public async Task RebuildAsync(IReadOnlyCollection<string> projections, IProgress<long>? progress, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(projections);
        await StartAsync(ct);
        var chosen = projections.Distinct(StringComparer.Ordinal).Select(name => slots[name]).ToList();
        var targets = new List<Target>();
        foreach (var slot in chosen)
        {
            var target = new Target(slot.Projection, await PrepareGenerationAsync(slot, ct), 0);
            target.Writer.WriteBehind = true;
            targets.Add(target);
        }

        var states = NewStates();
        await ApplyUpToHeadAsync(targets, states, progress, ct);

        var previous = new List<(string Projection, long Generation)>();
        await liveGate.WaitAsync(ct);
        try
        {
            // Under the gate the live follower is paused: take the tail, then swap in the same breath.
            await ApplyUpToHeadAsync(targets, states, progress, ct);
            await using (var transaction = await ViewTransaction.BeginAsync(store.OpenConnectionAsync, store.WriteGate, ct))
            {
                // The documents held back during the rebuild, the final checkpoints and the swap: one commit.
                foreach (var target in targets)
                {
                    target.Writer.Begin(transaction);
                    target.Writer.WriteAllHeld();
                    target.Writer.Completed();
                    target.Writer.WriteBehind = false;
                    transaction.WriteCheckpoint(target.Projection.Name, target.Generation, target.CheckpointNow);
                    transaction.Activate(target.Projection.Name, target.Generation, target.Projection.Version);
                }

                await transaction.CommitAsync(ct);
            }

            foreach (var (slot, target) in chosen.Zip(targets))
            {
                previous.Add((slot.Projection.Name, slot.Active!.Generation));
                slot.Active = target;
                slot.NeedsRebuild = false;
            }
        }
        finally
        {
            liveGate.Release();
        }

        foreach (var (projection, generation) in previous)
        {
            await ExecuteAsync(
                DropGenerations("generation = $g"),
                ct, ("$p", projection), ("$g", generation));
            LogSwapped(projection, slots[projection].Active!.Generation, slots[projection].Active!.CheckpointNow);
        }

        Signal();
    }

    private async Task ApplyUpToHeadAsync(List<Target> targets, StreamStates states, IProgress<long>? progress, CancellationToken ct)
    {
        // Reading and deserialising run on their own (the other core) a few batches ahead of applying.
        var batches = Channel.CreateBounded<List<ProjectedEvent>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadAheadAsync(targets.Min(t => t.CheckpointNow), batches.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                var outcome = await ApplyBatchAsync(targets, batch, states, isolateFailures: false, ct);
                foreach (var target in targets)
                {
                    target.Advance(outcome.Last);
                }

                progress?.Report(outcome.Last);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await reading;
    }

    private async Task ReadAheadAsync(long after, ChannelWriter<List<ProjectedEvent>> batches, CancellationToken ct)
    {
        try
        {
            var batch = new List<ProjectedEvent>(RebuildBatch);
            var next = after;
            while (next < store.CommittedPosition)
            {
                // Chunks of one read transaction each, so WAL checkpoints are not held off for the whole rebuild.
                var from = next;
                await foreach (var recorded in store.ReadAllAsync(next + 1, RebuildReadChunk, ct))
                {
                    batch.Add(new ProjectedEvent(recorded, serializer.Deserialize(recorded)));
                    next = recorded.Position;
                    if (batch.Count == RebuildBatch)
                    {
                        await batches.WriteAsync(batch, ct);
                        batch = new List<ProjectedEvent>(RebuildBatch);
                    }
                }

                if (next == from)
                {
                    break;
                }
            }

            if (batch.Count > 0)
            {
                await batches.WriteAsync(batch, ct);
            }

            batches.Complete();
        }
        catch (Exception ex)
        {
            batches.Complete(ex);
            throw;
        }
    }

    private async Task FollowAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                bool applied;
                await liveGate.WaitAsync(ct);
                try
                {
                    applied = await ApplyNextLiveBatchAsync(isolateFailures: true, ct);
                }
                finally
                {
                    liveGate.Release();
                }

                if (!applied)
                {
                    await WaitForNewEventsAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The follower must survive anything: it retries from the committed checkpoints.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogBatchFailed(ex);
                try
                {
                    await Task.Delay(RetryAfterFailure, time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task WaitForNewEventsAsync(CancellationToken ct)
    {
        var from = LiveSlots().Select(s => s.Active!.CheckpointNow).DefaultIfEmpty(store.CommittedPosition).Min();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // A projection sitting out after a failure is due again after a while even if nothing new is written.
        timeout.CancelAfter(RetryAfterFailure);
        try
        {
            await store.WaitForPositionAsync(from + 1, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    private List<Slot> LiveSlots()
    {
        var now = time.GetUtcNow();
        return [.. slots.Values.Where(s => s.RetryAt <= now)];
    }

    /// <summary>Applies the next batch after the lowest live checkpoint; false when every live projection is at the head.</summary>
    private async Task<bool> ApplyNextLiveBatchAsync(bool isolateFailures, CancellationToken ct)
    {
        await AdoptSwapsByOthersAsync(ct);
        var live = LiveSlots();
        if (live.Count == 0)
        {
            return false;
        }

        var from = live.Min(s => s.Active!.CheckpointNow);
        if (from >= store.CommittedPosition)
        {
            return false;
        }

        var batch = new List<ProjectedEvent>(MaxBatch);
        await foreach (var recorded in store.ReadAllAsync(from + 1, MaxBatch, ct))
        {
            batch.Add(new ProjectedEvent(recorded, serializer.Deserialize(recorded)));
        }

        if (batch.Count == 0)
        {
            return false;
        }

        var targets = live.Select(s => s.Active!).ToList();
        BatchOutcome outcome;
        try
        {
            outcome = await ApplyBatchAsync(targets, batch, liveStates, isolateFailures, ct);
        }
        catch
        {
            liveStates.Clear();
            throw;
        }

        foreach (var (target, error) in outcome.Failed)
        {
            var slot = slots[target.Projection.Name];
            slot.RetryAt = time.GetUtcNow() + RetryAfterFailure;
            LogFailed(error, target.Projection.Name, target.CheckpointNow);
        }

        if (publisher is not null && outcome.Changed.Count > 0)
        {
            try
            {
                await publisher.PublishAsync(outcome.Changed, ct);
            }
#pragma warning disable CA1031 // Pushing is best effort: clients catch up from the stored documents.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogPublishFailed(ex);
            }
        }

        // Waiters learn about the position only once its changes were also pushed.
        foreach (var target in targets.Where(t => !outcome.Failed.Any(f => f.Target == t)))
        {
            target.Advance(outcome.Last);
        }

        Signal();
        return true;
    }

    /// <summary>
    /// Follows generations swapped in by another process (<c>collab rebuild</c> beside a running tracker): otherwise
    /// this runner would go on writing the generation it loaded while queries read the new one. Checked at most every
    /// <see cref="SwapCheckInterval"/>; batches written to the old generation meanwhile are re-applied to the new one
    /// from its checkpoint, so nothing is lost.
    /// </summary>
    private async Task AdoptSwapsByOthersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now - lastSwapCheck < SwapCheckInterval)
        {
            return;
        }

        lastSwapCheck = now;
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.projection, a.generation, coalesce(c.position, 0) FROM projection_active a
            LEFT JOIN projection_checkpoints c ON c.projection = a.projection AND c.generation = a.generation
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (slots.TryGetValue(reader.GetString(0), out var slot) && slot.Active is { } active && active.Generation != reader.GetInt64(1))
            {
                slot.Active = new Target(slot.Projection, reader.GetInt64(1), reader.GetInt64(2));
                slot.NeedsRebuild = false;
                LogAdopted(slot.Projection.Name, slot.Active.Generation, slot.Active.CheckpointNow);
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="batch"/> to every target past its checkpoint and commits their documents and
    /// checkpoints in one transaction. With <paramref name="isolateFailures"/> a projection that throws is left out
    /// of the commit (its checkpoint stays) and reported, and the others go on; otherwise the whole batch fails.
    /// </summary>
    private async Task<BatchOutcome> ApplyBatchAsync(IReadOnlyList<Target> targets, IReadOnlyList<ProjectedEvent> batch, StreamStates states, bool isolateFailures, CancellationToken ct)
    {
        var last = batch[^1].Position;
        var failed = new List<(Target, Exception)>();
        await using var reads = new ViewReads(store.OpenConnection);
        var contexts = new ProjectionContext[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            targets[i].Writer.Begin(reads);
            contexts[i] = new ProjectionContext(targets[i].Writer, states);
        }

        try
        {
            var sittingOut = new bool[targets.Count];
            foreach (var projected in batch)
            {
                var recorded = projected.Recorded;
                states.Advance(recorded, projected.Event);
                for (var i = 0; i < targets.Count; i++)
                {
                    var target = targets[i];
                    if (sittingOut[i] || recorded.Position <= target.CheckpointNow)
                    {
                        continue;
                    }

                    target.Writer.Event = recorded;
                    try
                    {
                        await target.Projection.ApplyAsync(projected, contexts[i], ct);
                    }
                    catch (Exception ex) when (isolateFailures && ex is not OperationCanceledException)
                    {
                        target.Writer.Abandoned();
                        failed.Add((target, ex));
                        sittingOut[i] = true;
                    }
                }
            }

            // The projections that applied this batch (not sitting out, not already past it) commit it.
            var committing = targets.Where((t, i) => !sittingOut[i] && t.CheckpointNow < last).ToList();
            var crossesInterval = committing.Any(t => last / CheckpointInterval != t.CheckpointNow / CheckpointInterval);
            if (!crossesInterval && !committing.Any(t => t.Writer.HasWork))
            {
                // Nothing to store: skip the commit that would only move the checkpoints (and the write lock, which the
                // log's writer needs). Replaying events that wrote nothing is a no-op, so after a restart this costs at
                // most CheckpointInterval events of re-reading.
                foreach (var target in targets)
                {
                    target.Writer.Completed();
                }

                return new BatchOutcome(last, [], failed);
            }

            // Only now the write lock: applying the batch needed none.
            await using var transaction = await ViewTransaction.BeginAsync(store.OpenConnectionAsync, store.WriteGate, ct);
            var changed = new List<StoredView>();
            foreach (var target in committing)
            {
                target.Writer.Writing(transaction);
                target.Writer.Flush();
                changed.AddRange(target.Writer.Changed);
            }

            if (committing.Sum(t => t.Writer.Written) == 0 && !crossesInterval)
            {
                // Everything changed is held back (a rebuild writing behind): nothing to commit yet.
                await transaction.RollbackAsync(ct);
                foreach (var target in committing)
                {
                    target.Writer.Completed();
                }

                return new BatchOutcome(last, [], failed);
            }

            if (CrashBeforeCheckpoint?.Invoke(last) == true)
            {
                throw new InvalidOperationException($"Simulated crash before the checkpoint at {last}.");
            }

            foreach (var target in committing)
            {
                transaction.WriteCheckpoint(target.Projection.Name, target.Generation, last);
            }

            await transaction.CommitAsync(ct);
            foreach (var target in committing)
            {
                target.Writer.Completed();
            }

            return new BatchOutcome(last, changed, failed);
        }
        catch
        {
            foreach (var target in targets)
            {
                target.Writer.Abandoned();
            }

            throw;
        }
    }

    private StreamStates NewStates() => new((stream, upTo, ct) => HistoryAsync(stream, upTo, ct));

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

    private async Task<long> PrepareGenerationAsync(Slot slot, CancellationToken ct)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Leftovers of an interrupted rebuild are dropped; the active generation is never touched.
        command.CommandText = DropGenerations("generation <> (SELECT generation FROM projection_active WHERE projection = $p)") + """
            INSERT INTO projection_checkpoints (projection, generation, position)
            SELECT $p, max(generation) + 1, 0 FROM projection_checkpoints WHERE projection = $p
            RETURNING generation;
            """;
        command.Parameters.AddWithValue("$p", slot.Projection.Name);
        var generation = (long)(await command.ExecuteScalarAsync(ct))!;
        await transaction.CommitAsync(ct);
        return generation;
    }

    // Everything a generation of projection $p owns, in every table that holds generations.
    private static string DropGenerations(string which) =>
        string.Concat(new[] { "view_documents", "view_feed", "projection_checkpoints" }
            .Select(table => $"DELETE FROM {table} WHERE projection = $p AND {which};\n"));

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(ct);
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

        public SqliteViewWriter Writer { get; } = new(projection.Name, generation);

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
