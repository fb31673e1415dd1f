using System.Collections.Concurrent;
using System.Diagnostics;

namespace Collaboration.Bench.Live;

/// <summary>
/// One phase's bookkeeping. A command is acknowledged with its stream (partner) and the stream revision its 2xx
/// reported; a client receipt names the command whose marker the view carried. A view that shows revision r of a
/// partner covers every write to that partner up to r (the projection may fold several writes into one push, and a
/// document always shows its stream's latest state), so a write counts as delivered to a client at the first receipt
/// on its partner whose revision is at least the write's. Delivered to all = the last of the clients.
/// </summary>
internal sealed class LatencyRecorder(string tag, int capacity, int receivers)
{
    private readonly int[] stream = new int[capacity];
    private readonly long[] revision = new long[capacity];
    private readonly long[] acknowledged = new long[capacity];
    private readonly ConcurrentQueue<Receipt> receipts = new();
    private int failed;
    private long lastReceipt = Stopwatch.GetTimestamp();

    /// <summary>Written into each command so a received change can be told apart from other phases' changes.</summary>
    public string Tag { get; } = tag;

    public int Failed => Volatile.Read(ref failed);

    public void Acknowledged(int seq, int streamIndex, long streamRevision, long timestamp)
    {
        stream[seq] = streamIndex;
        revision[seq] = streamRevision;
        Volatile.Write(ref acknowledged[seq], timestamp);
    }

    public void Failure() => Interlocked.Increment(ref failed);

    public void Received(int client, int seq, long timestamp)
    {
        if ((uint)seq < (uint)capacity)
        {
            receipts.Enqueue(new Receipt(client, seq, timestamp));
            Volatile.Write(ref lastReceipt, timestamp);
        }
    }

    /// <summary>Waits until no change has arrived for a second (at most <paramref name="timeout"/>).</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && Stopwatch.GetElapsedTime(Volatile.Read(ref lastReceipt)) < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(50);
        }
    }

    public LatencySummary Summarise(int issued, TimeSpan sendDuration)
    {
        // Per (client, stream): receipts in arrival order with the revision they show.
        var byClientStream = receipts
            .Where(r => acknowledged[r.Seq] != 0)
            .GroupBy(r => (r.Client, Stream: stream[r.Seq]))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Timestamp).Select(r => (Revision: revision[r.Seq], r.Timestamp)).ToArray());
        var latencies = new List<double>(issued);
        var missing = 0;
        var early = 0;
        for (var seq = 0; seq < issued; seq++)
        {
            var ack = acknowledged[seq];
            if (ack == 0)
            {
                continue;
            }

            long last = 0;
            for (var client = 0; client < receivers && last != long.MaxValue; client++)
            {
                var first = byClientStream.TryGetValue((client, stream[seq]), out var seen)
                    ? seen.FirstOrDefault(r => r.Revision >= revision[seq]).Timestamp
                    : 0;
                last = first == 0 ? long.MaxValue : Math.Max(last, first);
            }

            if (last == long.MaxValue)
            {
                missing++;
                continue;
            }

            // In-process, the push can overtake the HTTP response on its way to the client: that is zero latency.
            if (last < ack)
            {
                early++;
            }

            latencies.Add(Math.Max(0, Stopwatch.GetElapsedTime(ack, last).TotalMilliseconds));
        }

        latencies.Sort();
        return new LatencySummary(issued, latencies.Count, Failed, missing, early, sendDuration, latencies);
    }

    private readonly record struct Receipt(int Client, int Seq, long Timestamp);
}

/// <summary>Percentiles (nearest rank) of one phase, in milliseconds.</summary>
internal sealed record LatencySummary(int Issued, int Delivered, int Failed, int Missing, int Early, TimeSpan SendDuration, IReadOnlyList<double> Sorted)
{
    public double Throughput => Delivered / SendDuration.TotalSeconds;

    public double P(double percentile) =>
        Sorted.Count == 0 ? double.NaN : Sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * Sorted.Count) - 1, 0, Sorted.Count - 1)];

    public double Max => Sorted.Count == 0 ? double.NaN : Sorted[^1];
}
