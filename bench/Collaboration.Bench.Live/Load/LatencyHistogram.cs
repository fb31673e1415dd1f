namespace Collaboration.Bench.Live.Load;

/// <summary>
/// Latencies in buckets 1 % wide from 1 µs to about 7 minutes: a fixed 16 KB however long the day. The driver runs in the
/// process whose managed heap the day judges (the app is hosted in-process), and lists of every latency grew it by about a
/// megabyte over ten minutes, counted as the app's growth. A percentile is the upper edge of its bucket: at most 1 % above
/// the nearest-rank value, never below it; the maximum is kept exactly. Not thread-safe: callers lock.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double Smallest = 0.001;
    private const int Buckets = 2_000;
    private static readonly double LogGrowth = Math.Log(1.01);
    private readonly long[] counts = new long[Buckets];

    public long Count { get; private set; }

    public double Max { get; private set; } = double.NaN;

    public void Add(double milliseconds)
    {
        var bucket = milliseconds <= Smallest ? 0 : Math.Min(Buckets - 1, (int)Math.Ceiling(Math.Log(milliseconds / Smallest) / LogGrowth));
        counts[bucket]++;
        Count++;
        Max = double.IsNaN(Max) ? milliseconds : Math.Max(Max, milliseconds);
    }

    /// <summary>Nearest-rank percentile, as the upper edge of its bucket (capped at the maximum); NaN when empty.</summary>
    public double Percentile(double percentile)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Clamp((long)Math.Ceiling(percentile / 100 * Count), 1, Count);
        long seen = 0;
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            seen += counts[bucket];
            if (seen >= rank)
            {
                return Math.Min(Max, Smallest * Math.Exp(bucket * LogGrowth));
            }
        }

        return Max;
    }

    public void Clear()
    {
        Array.Clear(counts);
        Count = 0;
        Max = double.NaN;
    }

    public LatencyHistogram Copy()
    {
        var copy = new LatencyHistogram { Count = Count, Max = Max };
        counts.CopyTo(copy.counts, 0);
        return copy;
    }
}
