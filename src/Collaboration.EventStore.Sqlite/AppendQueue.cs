using System.Diagnostics;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// The hand-over between callers and the writer thread. The writer blocks here (it never spins): it is woken
/// when work arrives or, while it gathers a group commit, only once enough of the appends it waits for are
/// queued, so the callers coming back from the previous commit have both cores to themselves. A full queue
/// makes callers wait (back-pressure).
/// </summary>
internal sealed class AppendQueue(int capacity)
{
    // A monitor rather than System.Threading.Lock: the writer sleeps on it with Monitor.Wait.
    private readonly object gate = new();
    private readonly int capacity = Math.Max(1, capacity);
    private List<PendingAppend> items = [];
    private TaskCompletionSource? space;
    private bool writerWaiting;
    private int wakeAt = 1;
    private int leftBehind;
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
                if (writerWaiting && items.Count >= wakeAt)
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
    /// Blocks the writer until an append is queued, then hands over the oldest appends holding at most
    /// <paramref name="maxEvents"/> events (always at least one append) in <paramref name="batch"/>, and their
    /// event count in <paramref name="events"/>. False once the queue is closed and empty.
    /// </summary>
    public bool Take(ref List<PendingAppend> batch, int maxEvents, out int events)
    {
        batch.Clear();
        events = 0;
        lock (gate)
        {
            while (items.Count == 0)
            {
                if (closed)
                {
                    return false;
                }

                Sleep(Timeout.Infinite, 1);
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
    /// While the writer's transaction is open: blocks until about half of the <paramref name="wanted"/> appends
    /// are queued (so the writer inserts those while the rest arrive, and is woken a few times per group rather
    /// than once per caller) or <paramref name="deadline"/> (a <see cref="Stopwatch"/> timestamp) passes, then
    /// adds what is queued to <paramref name="batch"/> within <paramref name="maxEvents"/>. Returns how many
    /// appends it added: 0 when the deadline passed with nothing queued.
    /// </summary>
    public int TakeMore(List<PendingAppend> batch, int wanted, long deadline, int maxEvents, ref int events)
    {
        lock (gate)
        {
            var enough = Math.Max(1, wanted / 2);
            while (items.Count < enough && !closed)
            {
                var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                // A blocking wait resolves whole milliseconds; the window is a bound, not a promise.
                Sleep((int)Math.Ceiling(left.TotalMilliseconds), enough);
            }

            var before = batch.Count;
            MoveTo(batch, maxEvents, ref events);
            return batch.Count - before;
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
        leftBehind = items.Count;
        space?.TrySetResult();
        space = null;
    }

    /// <summary>Refuses further appends; the writer still drains what is queued.</summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
            Monitor.PulseAll(gate);
            space?.TrySetResult();
            space = null;
        }
    }

    private void Sleep(int milliseconds, int until)
    {
        writerWaiting = true;
        wakeAt = until;
        try
        {
            Monitor.Wait(gate, milliseconds);
        }
        finally
        {
            writerWaiting = false;
        }
    }
}
