using System.Threading.Channels;

namespace Collaboration.Projections.Running;

// Rebuild and swap: new generations built from position 0 in one pass over the log while the active ones serve,
// then swapped in together in one transaction.
public sealed partial class ProjectionRunner
{
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
            var target = new Target(slot.Projection, await Views.CreateGenerationAsync(slot.Projection.Name, ct), 0);
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
            await using (var transaction = await Views.BeginAsync(ct))
            {
                // The documents held back during the rebuild, the final checkpoints and the swap: one commit.
                foreach (var target in targets)
                {
                    target.Writer.Begin(transaction);
                    await target.Writer.WriteAllHeldAsync(ct);
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
            await Views.DropGenerationAsync(projection, generation, ct);
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
        // Each batch's writes are committed on other tasks while the next batches are applied (WriteBehindBatch):
        // the commits take turns, in order, each after the one before; up to RebuildCommitsInFlight of them wait so.
        // A batch reads through the batches before it that are not yet known to be committed.
        var inFlight = new Queue<(WriteBehindBatch Batch, Task Commit)>();
        WriteBehindBatch? previous = null;
        var committing = Task.CompletedTask;
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                var behind = new WriteBehindBatch(previous);
                var outcome = await ApplyBatchAsync(targets, batch, states, isolateFailures: false, ct, behind);
                // Serialised here, while the batches before commit, rather than inside this batch's commit.
                behind.Prepare();
                while (inFlight.Count >= RebuildCommitsInFlight)
                {
                    await inFlight.Dequeue().Commit;
                    // The oldest batch is in the store: the one after it (or this one) need not read through it.
                    (inFlight.Count > 0 ? inFlight.Peek().Batch : behind).PreviousCommitted();
                }

                committing = CommitAfterAsync(committing, behind, ct);
                inFlight.Enqueue((behind, committing));
                previous = behind;
                foreach (var target in targets)
                {
                    target.Advance(outcome.Last);
                }

                progress?.Report(outcome.Last);
            }

            await committing;
        }
        finally
        {
            await committing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await stop.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await reading;
    }

    private async Task CommitAfterAsync(Task before, WriteBehindBatch batch, CancellationToken ct)
    {
        await before;
        // Off the applying thread: the commit binds and writes while the next batch is applied.
        await Task.Run(() => batch.CommitToAsync(Views, ct), ct);
    }

    private async Task ReadAheadAsync(long after, ChannelWriter<List<ProjectedEvent>> batches, CancellationToken ct)
    {
        try
        {
            var batch = new List<ProjectedEvent>(RebuildBatch);
            var next = after;
            while (true)
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

                // A short chunk reached the head (as it was when read).
                if (next - from < RebuildReadChunk)
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
}
