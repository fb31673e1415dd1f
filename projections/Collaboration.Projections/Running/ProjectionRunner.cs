using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collaboration.Projections.Running;

/// <summary>
/// Runs projections against the SQLite log. Each projection follows <c>$all</c> from its own checkpoint and commits
/// its documents and the new checkpoint in one transaction in the events' database, so after a crash it resumes
/// exactly where the last commit left it: an effect is either there with its checkpoint or not at all.
/// A projection can be rebuilt from position 0 into a new generation while the old one keeps serving; the new one
/// is swapped in, in one transaction, once it has caught up.
/// </summary>
public sealed partial class ProjectionRunner
{
    /// <summary>Events per transaction while catching up; live events commit as soon as the log has no more.</summary>
    public const int MaxBatch = 256;

    /// <summary>A batch that wrote no document still persists its checkpoint when it crosses a multiple of this position.</summary>
    public const long CheckpointInterval = 1024;

    private readonly SqliteEventStore store;
    private readonly EventSerializer serializer;
    private readonly IViewChangePublisher? publisher;
    private readonly ILogger logger;
    private readonly Dictionary<string, Slot> slots;
    private TaskCompletionSource advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock startLock = new();
    private Task? started;

    public ProjectionRunner(
        SqliteEventStore store,
        EventSerializer serializer,
        IEnumerable<IProjection> projections,
        IViewChangePublisher? publisher = null,
        ILogger<ProjectionRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(projections);
        this.store = store;
        this.serializer = serializer;
        this.publisher = publisher;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        slots = projections.ToDictionary(p => p.Name, p => new Slot(p), StringComparer.Ordinal);
        Views = new SqliteViewStore(store);
    }

    /// <summary>Queries over the active generation of every projection.</summary>
    public SqliteViewStore Views { get; }

    public IReadOnlyCollection<IProjection> Projections => [.. slots.Values.Select(s => s.Projection)];

    /// <summary>Test seam: throw after a batch's documents are written and before its checkpoint is, as a crash would.</summary>
    internal Func<long, bool>? CrashBeforeCheckpoint { get; set; }

    /// <summary>The active generation's checkpoint of a projection (0 before it ran).</summary>
    public long CheckpointOf(string projection) => Volatile.Read(ref slots[projection].Checkpoint);

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
            slot.Generation = reader.GetInt64(0);
            slot.NeedsRebuild = reader.GetInt64(1) != slot.Projection.Version;
            Volatile.Write(ref slot.Checkpoint, reader.GetInt64(2));
        }
    }

    /// <summary>Brings every projection up to the current head and returns (for tests, the CLI and start-up).</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        await StartAsync(ct);
        foreach (var slot in slots.Values)
        {
            await CatchUpSlotAsync(slot, ct);
        }
    }

    /// <summary>Follows the log for ever (until <paramref name="ct"/>): every projection live, plus a rebuild for each whose code version changed.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await StartAsync(ct);
        var work = slots.Values.Select(slot => FollowAsync(slot, ct)).ToList();
        work.AddRange(slots.Values.Where(s => s.NeedsRebuild).Select(s => RebuildAsync(s.Projection.Name, ct)));
        await Task.WhenAll(work);
    }

    /// <summary>Completes once every projection has committed <paramref name="position"/> (read-your-writes for callers and tests).</summary>
    public async Task WaitForAsync(long position, CancellationToken ct = default)
    {
        while (true)
        {
            var signal = Volatile.Read(ref advanced);
            if (slots.Values.All(s => Volatile.Read(ref s.Checkpoint) >= position))
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
    public Task RebuildAsync(string projection, CancellationToken ct = default) => RebuildAsync(projection, null, ct);

    /// <summary>As <see cref="RebuildAsync(string, CancellationToken)"/>, reporting the new generation's position after each batch.</summary>
    public async Task RebuildAsync(string projection, IProgress<long>? progress, CancellationToken ct = default)
    {
        await StartAsync(ct);
        var slot = slots[projection];
        var generation = await PrepareGenerationAsync(slot, ct);
        var target = new Target(slot.Projection, generation) { Checkpoint = 0 };
        while (target.Checkpoint < store.CommittedPosition)
        {
            await ApplyRangeAsync(target, ct);
            progress?.Report(target.Checkpoint);
        }

        long previous;
        await slot.Gate.WaitAsync(ct);
        try
        {
            // Under the gate the live follower is paused: take the tail, then swap in the same breath.
            while (target.Checkpoint < store.CommittedPosition)
            {
                await ApplyRangeAsync(target, ct);
            }

            await ExecuteAsync(
                "UPDATE projection_active SET generation = $g, code_version = $v WHERE projection = $p",
                ct, ("$p", projection), ("$g", generation), ("$v", slot.Projection.Version));
            previous = slot.Generation;
            slot.Generation = generation;
            Volatile.Write(ref slot.Checkpoint, target.Checkpoint);
            slot.NeedsRebuild = false;
        }
        finally
        {
            slot.Gate.Release();
        }

        await ExecuteAsync(
            "DELETE FROM view_documents WHERE projection = $p AND generation = $g; DELETE FROM projection_checkpoints WHERE projection = $p AND generation = $g;",
            ct, ("$p", projection), ("$g", previous));
        LogSwapped(projection, generation, target.Checkpoint);
        Signal();
    }

    private async Task FollowAsync(Slot slot, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var batch = new List<RecordedEvent>();
                await foreach (var recorded in store.SubscribeToAllAsync(CheckpointOf(slot.Projection.Name), ct))
                {
                    batch.Add(recorded);
                    if (recorded.Position >= store.CommittedPosition || batch.Count >= MaxBatch)
                    {
                        await ApplyUnderGateAsync(slot, batch, ct);
                        batch.Clear();
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing projection must not stop the others; it retries from its last checkpoint.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex, slot.Projection.Name, CheckpointOf(slot.Projection.Name));
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task CatchUpSlotAsync(Slot slot, CancellationToken ct)
    {
        while (CheckpointOf(slot.Projection.Name) < store.CommittedPosition)
        {
            var batch = new List<RecordedEvent>();
            await foreach (var recorded in store.ReadAllAsync(CheckpointOf(slot.Projection.Name) + 1, MaxBatch, ct))
            {
                batch.Add(recorded);
            }

            if (batch.Count == 0)
            {
                return;
            }

            await ApplyUnderGateAsync(slot, batch, ct);
        }
    }

    private async Task ApplyUnderGateAsync(Slot slot, List<RecordedEvent> batch, CancellationToken ct)
    {
        await slot.Gate.WaitAsync(ct);
        try
        {
            var target = new Target(slot.Projection, slot.Generation) { Checkpoint = slot.Checkpoint };
            var changed = await ApplyBatchAsync(target, batch, ct);
            if (publisher is not null && changed.Count > 0)
            {
                try
                {
                    await publisher.PublishAsync(changed, ct);
                }
#pragma warning disable CA1031 // Pushing is best effort: clients catch up from the stored documents.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogPublishFailed(ex, slot.Projection.Name);
                }
            }

            // Waiters learn about the position only once its changes were also pushed.
            Volatile.Write(ref slot.Checkpoint, target.Checkpoint);
            Signal();
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task ApplyRangeAsync(Target target, CancellationToken ct)
    {
        var batch = new List<RecordedEvent>();
        await foreach (var recorded in store.ReadAllAsync(target.Checkpoint + 1, MaxBatch, ct))
        {
            batch.Add(recorded);
        }

        if (batch.Count > 0)
        {
            await ApplyBatchAsync(target, batch, ct);
        }
    }

    private async Task<IReadOnlyList<StoredView>> ApplyBatchAsync(Target target, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var pending = batch.Where(e => e.Position > target.Checkpoint).ToList();
        if (pending.Count == 0)
        {
            return [];
        }

        await using var connection = await store.OpenConnectionAsync(ct);
        await using (var relax = connection.CreateCommand())
        {
            // Read models need atomicity, not their own fsync: documents and checkpoint commit together, so a power
            // loss can only take back whole batches, which are re-projected from the checkpoint (the log itself keeps
            // synchronous=FULL). A process crash loses nothing in WAL mode either way.
            relax.CommandText = "PRAGMA synchronous = NORMAL;";
            await relax.ExecuteNonQueryAsync(ct);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var writer = new SqliteViewWriter(connection, transaction, target.Projection.Name, target.Generation);
        var context = new SqliteProjectionContext(writer, store, serializer);
        foreach (var recorded in pending)
        {
            writer.Position = recorded.Position;
            var projected = new ProjectedEvent(recorded, serializer.Deserialize(recorded));
            context.Advance(recorded.Stream, projected.Event);
            await target.Projection.ApplyAsync(projected, context, ct);
        }

        await writer.FlushAsync(ct);
        var last = pending[^1].Position;
        if (writer.Changed.Count == 0 && last / CheckpointInterval == target.Checkpoint / CheckpointInterval)
        {
            // Nothing to store: skip the commit (and its fsync, under the database's single write lock) that would
            // only move the checkpoint. Most events concern one or two of the projections, and each committing
            // every event made the others queue for the lock. Replaying events that wrote nothing is a no-op,
            // so after a restart this costs at most CheckpointInterval events of re-reading.
            await transaction.RollbackAsync(ct);
            target.Checkpoint = last;
            return [];
        }

        if (CrashBeforeCheckpoint?.Invoke(last) == true)
        {
            throw new InvalidOperationException($"Simulated crash before the checkpoint at {last}.");
        }

        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.Transaction = transaction;
            checkpoint.CommandText = """
                INSERT INTO projection_checkpoints (projection, generation, position) VALUES ($p, $g, $pos)
                ON CONFLICT (projection, generation) DO UPDATE SET position = excluded.position
                """;
            checkpoint.Parameters.AddWithValue("$p", target.Projection.Name);
            checkpoint.Parameters.AddWithValue("$g", target.Generation);
            checkpoint.Parameters.AddWithValue("$pos", last);
            await checkpoint.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        target.Checkpoint = last;
        return [.. writer.Changed];
    }

    private async Task<long> PrepareGenerationAsync(Slot slot, CancellationToken ct)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Leftovers of an interrupted rebuild are dropped; the active generation is never touched.
        command.CommandText = """
            DELETE FROM view_documents WHERE projection = $p AND generation <> (SELECT generation FROM projection_active WHERE projection = $p);
            DELETE FROM projection_checkpoints WHERE projection = $p AND generation <> (SELECT generation FROM projection_active WHERE projection = $p);
            INSERT INTO projection_checkpoints (projection, generation, position)
            SELECT $p, max(generation) + 1, 0 FROM projection_checkpoints WHERE projection = $p
            RETURNING generation;
            """;
        command.Parameters.AddWithValue("$p", slot.Projection.Name);
        var generation = (long)(await command.ExecuteScalarAsync(ct))!;
        await transaction.CommitAsync(ct);
        return generation;
    }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} failed after checkpoint {Checkpoint}; retrying from it")]
    private partial void LogFailed(Exception ex, string projection, long checkpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing changes of projection {Projection} failed")]
    private partial void LogPublishFailed(Exception ex, string projection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection} rebuilt as generation {Generation} at {Position} and swapped in")]
    private partial void LogSwapped(string projection, long generation, long position);

    private sealed class Slot(IProjection projection)
    {
        public IProjection Projection { get; } = projection;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long Generation { get; set; }

        public bool NeedsRebuild { get; set; }

#pragma warning disable CA1051 // A field so Volatile can read it from lag probes on other threads.
        public long Checkpoint;
#pragma warning restore CA1051
    }

    private sealed class Target(IProjection projection, long generation)
    {
        public IProjection Projection { get; } = projection;

        public long Generation { get; } = generation;

        public long Checkpoint { get; set; }
    }
}
