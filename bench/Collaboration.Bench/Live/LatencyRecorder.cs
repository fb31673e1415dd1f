using System.Diagnostics;

namespace Collaboration.Bench.Live;

/// <summary>
/// One phase's bookkeeping, indexed by command sequence number: when its 2xx (or the baseline send) happened, how
/// many of the expected clients have received its change, and when the last of them did.
/// </summary>
internal sealed class LatencyRecorder(string tag, int capacity, int receivers)
{
    private readonly long[] started = new long[capacity];
    private readonly long[] completed = new long[capacity];
    private readonly int[] receipts = new int[capacity];
    private int failed;

    /// <summary>Written into each command so a received change can be told apart from other phases' changes.</summary>
    public string Tag { get; } = tag;

    public int Capacity => capacity;

    public int Failed => Volatile.Read(ref failed);

    public void Started(int seq, long timestamp) => Volatile.Write(ref started[seq], timestamp);

    public void Failure() => Interlocked.Increment(ref failed);

    public void Received(int seq, long timestamp)
    {
        if ((uint)seq < (uint)capacity && Interlocked.Increment(ref receipts[seq]) == receivers)
        {
            Volatile.Write(ref completed[seq], timestamp);
        }
    }

    /// <summary>Waits (bounded) until every started command has reached every client.</summary>
    public async Task DrainAsync(int issued, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && Pending(issued) > 0)
        {
            await Task.Delay(20);
        }
    }

    private int Pending(int issued)
    {
        var pending = 0;
        for (var i = 0; i < issued; i++)
        {
            if (Volatile.Read(ref started[i]) != 0 && Volatile.Read(ref completed[i]) == 0)
            {
                pending++;
            }
        }

        return pending;
    }

    public LatencySummary Summarise(int issued, TimeSpan sendDuration)
    {
        var latencies = new List<double>(issued);
        var missing = 0;
        var early = 0;
        for (var i = 0; i < issued; i++)
        {
            var start = started[i];
            if (start == 0)
            {
                continue;
            }

            var end = completed[i];
            if (end == 0)
            {
                missing++;
                continue;
            }

            // In-process, the push can overtake the HTTP response on its way to the client: that is zero latency.
            if (end < start)
            {
                early++;
            }

            latencies.Add(Math.Max(0, Stopwatch.GetElapsedTime(start, end).TotalMilliseconds));
        }

        latencies.Sort();
        return new LatencySummary(issued, latencies.Count, Failed, missing, early, sendDuration, latencies);
    }
}

/// <summary>Percentiles (nearest rank) of one phase, in milliseconds.</summary>
internal sealed record LatencySummary(int Issued, int Delivered, int Failed, int Missing, int Early, TimeSpan SendDuration, IReadOnlyList<double> Sorted)
{
    public double Throughput => Delivered / SendDuration.TotalSeconds;

    public double P(double percentile) =>
        Sorted.Count == 0 ? double.NaN : Sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * Sorted.Count) - 1, 0, Sorted.Count - 1)];

    public double Max => Sorted.Count == 0 ? double.NaN : Sorted[^1];
}
