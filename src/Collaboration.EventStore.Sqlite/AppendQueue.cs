using System.Collections.Concurrent;
using System.Diagnostics;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// The hand-over between callers and the writer thread. Callers queue without a lock: with 64 concurrent requests a
/// monitor around the queue was contended on every append (ADR 0028), while a lock-free queue with one reader costs
/// each caller a few interlocked operations. An idle writer blocks and is woken when work arrives. While it expects
/// callers back (they were just answered and usually append again at once), it waits for them spinning and yielding
/// its core instead: waking a blocked thread took 50-80 µs on this machine, paid several times per group commit, while
/// a yielding spin hands the core to the returning callers and still notices each arrival at once (ADR 0010). A full
/// queue makes callers wait (back-pressure).
/// </summary>
/// <remarks>
/// <see cref="Take"/> and <see cref="TakeMore"/> are called by the one writer thread only. A caller is counted in
/// <c>admitted</c> before its append is in the queue, so that once the queue is closed the writer stops only when
/// every admitted append was taken: a caller that finds the queue closed after counting itself withdraws and throws.
/// </remarks>
internal sealed class AppendQueue(int capacity)
{
    private const int Waiting = 1;

    private readonly ConcurrentQueue<PendingAppend> items = new();
    private readonly int capacity = Math.Max(1, capacity);
    // Released by a caller that finds the writer blocked (or about to block) on it.
    private readonly SemaphoreSlim wake = new(0);
    // Taken only by callers that find the queue full, and by the writer when such a caller waits.
    private readonly object spaceGate = new();
    private TaskCompletionSource? space;
    private int admitted;
    private int writerWaiting;
    private int leftBehind;
    private volatile bool closed;

    /// <summary>Queues an append; waits while the queue is full. Throws <see cref="ObjectDisposedException"/> once closed.</summary>
    public ValueTask EnqueueAsync(PendingAppend append, CancellationToken ct) =>
        TryEnqueue(append) ? ValueTask.CompletedTask : EnqueueWhenSpaceAsync(append, ct);

    private bool TryEnqueue(PendingAppend append)
    {
        ObjectDisposedException.ThrowIf(closed, typeof(SqliteEventStore));
        if (Interlocked.Increment(ref admitted) > capacity)
        {
            Withdraw();
            return false;
        }

        if (closed)
        {
            // Closed after this caller counted itself: the writer may be waiting for the count to drop to zero.
            Withdraw();
            throw new ObjectDisposedException(typeof(SqliteEventStore).FullName);
        }

        items.Enqueue(append);
        // The queue's own write is a release, not a full fence: without this barrier the read in WakeWriter could be
        // served before the append is visible, and a writer that just found the queue empty would sleep on it.
        Interlocked.MemoryBarrier();
        WakeWriter();
        return true;
    }

    // A closing queue's writer waits for the count to drop to zero; any other writer wakes for nothing and looks again.
    private void Withdraw()
    {
        Interlocked.Decrement(ref admitted);
        WakeWriter();
    }

    private void WakeWriter()
    {
        if (Volatile.Read(ref writerWaiting) == Waiting && Interlocked.CompareExchange(ref writerWaiting, 0, Waiting) == Waiting)
        {
            wake.Release();
        }
    }

    private async ValueTask EnqueueWhenSpaceAsync(PendingAppend append, CancellationToken ct)
    {
        while (true)
        {
            Task full;
            lock (spaceGate)
            {
                space ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                full = space.Task;
            }

            // Tried again after the wait was registered: room made before that is seen here, room made after it
            // completes the wait (the writer looks for a registered wait after it took appends).
            if (TryEnqueue(append))
            {
                return;
            }

            await full.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Appends still queued when the writer last took some (more than one transaction could carry).</summary>
    public int LeftBehind => Volatile.Read(ref leftBehind);

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
        while (items.IsEmpty)
        {
            if (closed && Volatile.Read(ref admitted) == 0)
            {
                return false;
            }

            WaitForWork();
        }

        MoveTo(batch, maxEvents, ref events);
        return true;
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
        var before = batch.Count;
        MoveTo(batch, maxEvents, ref events);
        return batch.Count - before;
    }

    private void SpinUntilQueued(long until)
    {
        var spinner = default(SpinWait);
        while (items.IsEmpty && !closed && Stopwatch.GetTimestamp() < until)
        {
            // Never Thread.Sleep(1): a millisecond is longer than a whole group commit.
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private void MoveTo(List<PendingAppend> batch, int maxEvents, ref int events)
    {
        var take = 0;
        // One reader: what it peeks is what it then dequeues.
        while (items.TryPeek(out var next) && ((batch.Count == 0 && take == 0) || events + next.Events.Count <= maxEvents)
            && items.TryDequeue(out _))
        {
            events += next.Events.Count;
            batch.Add(next);
            take++;
        }

        if (take == 0)
        {
            return;
        }

        Volatile.Write(ref leftBehind, Interlocked.Add(ref admitted, -take));
        // The decrement above is a full fence, so a caller that registered its wait before it found the queue full
        // is seen here.
        if (Volatile.Read(ref space) is not null)
        {
            lock (spaceGate)
            {
                space?.TrySetResult();
                space = null;
            }
        }
    }

    /// <summary>Refuses further appends; the writer still drains what is queued.</summary>
    public void Close()
    {
        closed = true;
        Interlocked.MemoryBarrier();
        if (Interlocked.Exchange(ref writerWaiting, 0) == Waiting)
        {
            wake.Release();
        }

        lock (spaceGate)
        {
            space?.TrySetResult();
            space = null;
        }
    }

    private void WaitForWork()
    {
        // Announced before looking once more: a caller that queued after this look sees the announcement and wakes
        // the writer; one that queued before it is found by the look.
        Interlocked.Exchange(ref writerWaiting, Waiting);
        if (!items.IsEmpty || (closed && Volatile.Read(ref admitted) == 0))
        {
            if (Interlocked.Exchange(ref writerWaiting, 0) != Waiting)
            {
                // A caller took the announcement back and releases (or released) the semaphore: consumed if it is
                // there already; if not, the next wait returns at once and the writer looks again, which is harmless.
                wake.Wait(0);
            }

            return;
        }

        wake.Wait();
    }
}
