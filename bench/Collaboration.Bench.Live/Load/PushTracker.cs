namespace Collaboration.Bench.Live.Load;

/// <summary>
/// Push latency as one dashboard sees it: from the moment a command's 2xx is read to the moment that dashboard
/// receives a change of the view document the command is about (view and key, e.g. <c>talent-case-queue</c> and the
/// case id) that arrived after the command was sent. The driver never has two commands in flight on one document and
/// releases a document for its next step only once its push arrived, so the first such change is this command's.
/// A change that arrives before the 2xx (the push can overtake the response) counts as 0 ms. Every timestamp is the
/// <see cref="SharedClock"/>'s, so receipts taken in a dashboard child process compare with the driver's 2xx.
/// </summary>
internal sealed class PushTracker(HashSet<string> views)
{
    private readonly object gate = new();
    private readonly Dictionary<(string View, string Key), Waiting> pending = [];
    private readonly Dictionary<(string View, string Key), List<long>> recent = [];
    private readonly LatencyHistogram latencies = new();
    private LatencyHistogram window = new();
    private long lastPurge = SharedClock.Now;
    private int early;

    public int Early => Volatile.Read(ref early);

    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    /// <summary>A command on (view, key) sent at <paramref name="sent"/> was acknowledged at <paramref name="acknowledged"/>.</summary>
    public void Track(string view, string key, long sent, long acknowledged, Action? delivered)
    {
        Action? now = null;
        lock (gate)
        {
            if (recent.TryGetValue((view, key), out var arrivals) && arrivals.Where(a => a >= sent).DefaultIfEmpty(0).Min() is var first and > 0)
            {
                arrivals.RemoveAll(a => a <= first);
                Complete(acknowledged, first);
                now = delivered;
            }
            else
            {
                pending[(view, key)] = new Waiting(sent, acknowledged, delivered);
            }
        }

        now?.Invoke();
    }

    /// <summary>The tracked dashboard's handler: a change of (view, key) arrived at <paramref name="arrived"/>.</summary>
    public void Received(string view, string key, long arrived)
    {
        if (!views.Contains(view))
        {
            return;
        }

        Action? delivered = null;
        lock (gate)
        {
            if (pending.TryGetValue((view, key), out var waiting) && arrived >= waiting.Sent)
            {
                pending.Remove((view, key));
                Complete(waiting.Acknowledged, arrived);
                delivered = waiting.Delivered ?? (() => { });
            }
            else
            {
                if (!recent.TryGetValue((view, key), out var arrivals))
                {
                    recent[(view, key)] = arrivals = [];
                }

                arrivals.Add(arrived);
                PurgeOld(arrived);
            }
        }

        delivered?.Invoke();
    }

    /// <summary>
    /// Forgets the latencies, early pushes and waiting commands so far (the day's unrecorded warm-up); call with no
    /// command in flight. A waiting command's push that arrives later is kept as an arrival nobody waits for.
    /// </summary>
    public void Reset()
    {
        lock (gate)
        {
            pending.Clear();
            latencies.Clear();
            window.Clear();
            early = 0;
        }
    }

    /// <summary>Latencies so far and how many acknowledged commands were never seen pushed.</summary>
    public (LatencyHistogram Latencies, int Lost) Summarise()
    {
        lock (gate)
        {
            return (latencies.Copy(), pending.Count);
        }
    }

    /// <summary>Latencies recorded since the last call (a progress window).</summary>
    public LatencyHistogram TakeWindow()
    {
        lock (gate)
        {
            var taken = window;
            window = new LatencyHistogram();
            return taken;
        }
    }

    private void Complete(long acknowledged, long arrived)
    {
        if (arrived < acknowledged)
        {
            early++;
        }

        var latency = Math.Max(0, SharedClock.Elapsed(acknowledged, arrived).TotalMilliseconds);
        latencies.Add(latency);
        window.Add(latency);
    }

    private void PurgeOld(long now)
    {
        // Arrivals nobody waited for (other commands' side effects) are kept 30 s, long enough for any 2xx to come back.
        if (SharedClock.Elapsed(lastPurge, now) < TimeSpan.FromSeconds(10))
        {
            return;
        }

        lastPurge = now;
        foreach (var (key, arrivals) in recent.ToArray())
        {
            arrivals.RemoveAll(a => SharedClock.Elapsed(a, now) > TimeSpan.FromSeconds(30));
            if (arrivals.Count == 0)
            {
                recent.Remove(key);
            }
        }
    }

    private sealed record Waiting(long Sent, long Acknowledged, Action? Delivered);
}
