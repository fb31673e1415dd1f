using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Running;

// Batch apply: one batch of the log through every target, committed with their checkpoints in one transaction.
public sealed partial class ProjectionRunner
{
    /// <summary>
    /// Applies <paramref name="batch"/> to every target past its checkpoint and commits their documents and
    /// checkpoints in one transaction. With <paramref name="isolateFailures"/> a projection that throws is left out
    /// of the commit (its checkpoint stays) and reported, and the others go on; otherwise the whole batch fails.
    /// </summary>
    /// <remarks>
    /// With <paramref name="behind"/> (a rebuild) the batch's writes and checkpoints are recorded there instead, and
    /// committed by the caller on another task while the next batch is applied.
    /// </remarks>
    private async Task<BatchOutcome> ApplyBatchAsync(IReadOnlyList<Target> targets, IReadOnlyList<ProjectedEvent> batch, StreamStates states, bool isolateFailures, CancellationToken ct, WriteBehindBatch? behind = null)
    {
        var last = batch[^1].Position;
        var failed = new List<(Target, Exception)>();
        await using var reads = Views.OpenReads();
        var contexts = new ProjectionContext[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            targets[i].Writer.Begin(behind is null ? reads : behind.ReadingThrough(reads));
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

            // Only now the write transaction: applying the batch needed none.
            await using var transaction = behind ?? await Views.BeginAsync(ct);
            var changed = new List<StoredView>();
            foreach (var target in committing)
            {
                target.Writer.Writing(transaction);
                await target.Writer.FlushAsync(ct);
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
}
