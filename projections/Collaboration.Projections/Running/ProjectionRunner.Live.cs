namespace Collaboration.Projections.Running;

// Live follow: the active generations kept at the head of the log, and generations swapped in by another process adopted.
public sealed partial class ProjectionRunner
{
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
        var from = LiveSlots().Select(s => s.Active!.CheckpointNow).DefaultIfEmpty(Volatile.Read(ref knownHead)).Min();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // A projection sitting out after a failure is due again after a while even if nothing new is written, and a
        // generation swapped in by another process is looked for now and then.
        timeout.CancelAfter(RetryAfterFailure);
        try
        {
            // The store's own wake-up (an in-process signal, LISTEN/NOTIFY, polling): the first event after `from`.
            await foreach (var recorded in store.SubscribeToAllAsync(from, timeout.Token))
            {
                NoteHead(recorded.Position);
                break;
            }
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
        var batch = new List<ProjectedEvent>(MaxBatch);
        await foreach (var recorded in store.ReadAllAsync(from + 1, MaxBatch, ct))
        {
            batch.Add(new ProjectedEvent(recorded, serializer.Deserialize(recorded)));
        }

        if (batch.Count == 0)
        {
            return false;
        }

        NoteHead(batch[^1].Position);

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
        await AnnouncePublishedThroughAsync(ct);
        return true;
    }

    /// <summary>
    /// Tells the publisher the lowest checkpoint of all projections, sitting-out ones included, when it rose: a client may
    /// resume from there after a disconnect without missing a change a late projection publishes below the others.
    /// </summary>
    private async Task AnnouncePublishedThroughAsync(CancellationToken ct)
    {
        var through = PublishedThrough;
        if (publisher is null || through <= announcedThrough)
        {
            return;
        }

        announcedThrough = through;
        try
        {
            await publisher.PublishedThroughAsync(through, ct);
        }
#pragma warning disable CA1031 // Best effort like the pushes: a client that misses it resumes from an earlier position.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogPublishFailed(ex);
        }
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
        foreach (var current in await Views.ReadActiveAsync(ct))
        {
            if (slots.TryGetValue(current.Projection, out var slot) && slot.Active is { } active && active.Generation != current.Generation)
            {
                slot.Active = new Target(slot.Projection, current.Generation, current.Checkpoint);
                slot.NeedsRebuild = false;
                LogAdopted(slot.Projection.Name, slot.Active.Generation, slot.Active.CheckpointNow);
            }
        }
    }
}
