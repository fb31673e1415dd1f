using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Collaboration.EventStore.Sqlite;

// The write side: appends queued to the one writer thread, which group-commits them and publishes the new head.
public sealed partial class SqliteEventStore
{
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
            queued = pending.EnqueueAsync(append, ct);
        }
#pragma warning disable CA1031 // Not swallowed: handed to the caller as the faulted task.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException<AppendResult>(e);
        }

        return queued.IsCompletedSuccessfully ? append.Completion.Task : AppendWhenQueuedAsync(queued, append);
    }

    /// <summary>The queue was full: waits for room, then for the writer.</summary>
    private static async Task<AppendResult> AppendWhenQueuedAsync(ValueTask queued, PendingAppend append)
    {
        await queued;
        return await append.Completion.Task;
    }

    private static void Validate(string stream, IReadOnlyList<EventToAppend> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }

        if (events.Count > 1)
        {
            var ids = new HashSet<Guid>(events.Count);
            foreach (var e in events)
            {
                if (!ids.Add(e.EventId))
                {
                    throw new ArgumentException($"Event id {e.EventId} appears twice in one append.", nameof(events));
                }
            }
        }

        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            ArgumentException.ThrowIfNullOrEmpty(e.Type, nameof(events));
            ArgumentNullException.ThrowIfNull(e.Metadata, nameof(events));
        }
    }

    private void RunWriter()
    {
        var batch = new List<PendingAppend>();
        var expected = 0;
        try
        {
            // Callers just answered usually come back within a few hundred microseconds: wait for the first of
            // them spinning (for at most the gather window) rather than blocked.
            while (pending.Take(ref batch, options.MaxEventsPerCommit, out var events, expected > 0 ? Deadline() : 0))
            {
                var complete = true;
                // This thread's turn at the database (shared with the projections): taken before BEGIN, released
                // after COMMIT or ROLLBACK, so neither side ever polls SQLite's busy handler for the other.
                WriteGate.Wait();
                try
                {
                    writer.Begin();
                    foreach (var append in batch)
                    {
                        writer.Add(append);
                    }

                    complete = Gather(batch, expected, ref events);
                    writer.Commit();
                    changes?.Bump();
                    Interlocked.Increment(ref commits);
                    Interlocked.Add(ref committedAppends, batch.Count);
                }
#pragma warning disable CA1031 // The writer must survive any failure: it is handed to the callers of this batch.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    writer.Rollback();
                    LogBatchFailed(logger, e, batch.Count);
                    // A full disk, a read-only file or another process's lock is the storage's fault, not the callers':
                    // they learn that nothing was written and that the same append may pass later.
                    var error = SqliteFaults.Translate(e);
                    foreach (var append in batch)
                    {
                        append.Reset();
                        append.Error = error;
                    }
                }
                finally
                {
                    WriteGate.Release();
                }

                // Publish the new head before answering the callers: once an append is acknowledged, CommittedPosition,
                // WaitForPositionAsync and live subscribers already know about it.
                PublishHead(writer.Head);
                foreach (var append in batch)
                {
                    append.Complete();
                }

                // The callers just answered usually append again at once, so the next group expects them (and
                // whatever this one left queued). A group whose callers did not all come back in time (e.g.
                // independent requests) switches gathering off for the next one: light traffic pays the wait at
                // most every other commit, and a lone writer never waits.
                expected = complete && batch.Count > 1 ? pending.LeftBehind + batch.Count : 0;
            }
        }
        finally
        {
            writerStopped.TrySetResult();
        }
    }

    /// <summary>
    /// With the transaction open and the first appends inserted, waits (spinning, yielding its core) for the rest
    /// of the <paramref name="expected"/> appends and inserts them as they come, so that the inserts overlap the
    /// callers' way back instead of following it. False when the gather window ran out first.
    /// </summary>
    private bool Gather(List<PendingAppend> batch, int expected, ref int events)
    {
        var window = options.GroupCommitGatherWindow;
        if (window <= TimeSpan.Zero || batch.Count >= expected)
        {
            return true;
        }

        var deadline = Deadline();
        while (batch.Count < expected && events < options.MaxEventsPerCommit)
        {
            var first = batch.Count;
            if (pending.TakeMore(batch, deadline, options.MaxEventsPerCommit, ref events) == 0)
            {
                return false;
            }

            for (var i = first; i < batch.Count; i++)
            {
                writer.Add(batch[i]);
            }
        }

        return true;
    }

    private long Deadline() =>
        Stopwatch.GetTimestamp() + (long)(options.GroupCommitGatherWindow.TotalSeconds * Stopwatch.Frequency);

    private void PublishHead(long head)
    {
        if (head <= Volatile.Read(ref committedHead))
        {
            return;
        }

        Volatile.Write(ref committedHead, head);
        var previous = Interlocked.Exchange(ref headAdvanced, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
        try
        {
            Committed?.Invoke(head);
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop the writer.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogCommittedHandlerFailed(logger, e, head);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Group commit of {Appends} appends failed; every append of the batch is failed.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int appends);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Committed handler threw at position {Position}.")]
    private static partial void LogCommittedHandlerFailed(ILogger logger, Exception exception, long position);
}
