using System.Diagnostics;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// The hand-over between callers and the writer thread. An idle writer blocks here and is woken when work
/// arrives. While it expects callers back (they were just answered and usually append again at once), it waits
/// for them spinning and yielding its core instead: waking a blocked thread took 50-80 µs on this machine, paid
/// several times per group commit, while a yielding spin hands the core to the returning callers and still
/// notices each arrival at once (ADR 0010). A full queue makes callers wait (back-pressure).
/// </summary>
internal sealed class AppendQueue(int capacity)
{
    // A monitor rather than System.Threading.Lock: the writer sleeps on it with Monitor.Wait.
    private readonly object gate = new();
    private readonly int capacity = Math.Max(1, capacity);
    private List<PendingAppend> items = [];
    private TaskCompletionSource? space;
    private bool writerWaiting;
    private int leftBehind;
    private int queued;
    private bool closed;

    /// <summary>Queues an append; waits while the queue is full. Throws <see cref="ObjectDisposedException"/> once closed.</summary>
    public ValueTask EnqueueAsync(PendingAppend append, CancellationToken ct)
    {
        Task full;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(closed, typeof(SqliteEventStore));
            if (items.Count < capacity)
            {
                items.Add(append);
                Volatile.Write(ref queued, items.Count);
                if (writerWaiting)
                {
                    Monitor.Pulse(gate);
                }

                return ValueTask.CompletedTask;
            }

            space ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            full = space.Task;
        }

        return EnqueueWhenSpaceAsync(full, append, ct);
    }

    private async ValueTask EnqueueWhenSpaceAsync(Task full, PendingAppend append, CancellationToken ct)
    {
        await full.WaitAsync(ct).ConfigureAwait(false);
        await EnqueueAsync(append, ct).ConfigureAwait(false);
    }

    /// <summary>Appends still queued when the writer last took some (more than one transaction could carry).</summary>
    public int LeftBehind
    {
        get
        {
            lock (gate)
            {
                return leftBehind;
            }
        }
    }

    /// <summary>
    /// Waits until an append is queued (spinning until <paramref name="spinUntil"/>, a <see cref="Stopwatch"/>
    /// timestamp, then blocking), then hands over the oldest appends holding at most <paramref name="maxEvents"/>
    /// events (always at least one append) in <paramref name="batch"/>, and their event count in
    /// <paramref name="events"/>. False once the queue is closed and empty.
    /// </summary>
    public bool Take(ref List<PendingAppend> batch, int maxEvents, out int events, long spinUntil = 0)
    {
        batch.Clear();
        events = 0;
        SpinUntilQueued(spinUntil);
        lock (gate)
        {
            while (items.Count == 0)
            {
                if (closed)
                {
                    return false;
                }

                WaitForWork();
            }

            if (items.Sum(static a => a.Events.Count) <= maxEvents)
            {
                // The usual case: everything queued fits, so the lists just change hands.
                (batch, items) = (items, batch);
                events = batch.Sum(static a => a.Events.Count);
                TookSome();
            }
            else
            {
                MoveTo(batch, maxEvents, ref events);
            }

            return true;
        }
    }

    /// <summary>
    /// While the writer's transaction is open: spins (yielding) until at least one append is queued or
    /// <paramref name="deadline"/> (a <see cref="Stopwatch"/> timestamp) passes, then adds everything queued to
    /// <paramref name="batch"/> within <paramref name="maxEvents"/>, so the writer inserts callers as they come
    /// back. Returns how many appends it added: 0 when the deadline passed with nothing queued.
    /// </summary>
    public int TakeMore(List<PendingAppend> batch, long deadline, int maxEvents, ref int events)
    {
        SpinUntilQueued(deadline);
        lock (gate)
        {
            var before = batch.Count;
            MoveTo(batch, maxEvents, ref events);
            return batch.Count - before;
        }
    }

    private void SpinUntilQueued(long until)
    {
        var spinner = default(SpinWait);
        while (Volatile.Read(ref queued) == 0 && !Volatile.Read(ref closed) && Stopwatch.GetTimestamp() < until)
        {
            // Never Thread.Sleep(1): a millisecond is longer than a whole group commit.
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private void MoveTo(List<PendingAppend> batch, int maxEvents, ref int events)
    {
        var take = 0;
        while (take < items.Count && ((batch.Count == 0 && take == 0) || events + items[take].Events.Count <= maxEvents))
        {
            events += items[take].Events.Count;
            take++;
        }

        batch.AddRange(items.GetRange(0, take));
        items.RemoveRange(0, take);
        TookSome();
    }

    private void TookSome()
    {
        Volatile.Write(ref queued, items.Count);
        leftBehind = items.Count;
        space?.TrySetResult();
        space = null;
    }

    /// <summary>Refuses further appends; the writer still drains what is queued.</summary>
    public void Close()
    {
        lock (gate)
        {
            Volatile.Write(ref closed, true);
            Monitor.PulseAll(gate);
            space?.TrySetResult();
            space = null;
        }
    }

    private void WaitForWork()
    {
        writerWaiting = true;
        try
        {
            Monitor.Wait(gate);
        }
        finally
        {
            writerWaiting = false;
        }
    }
}
