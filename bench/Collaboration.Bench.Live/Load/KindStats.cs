using System.Collections.Concurrent;
using System.Globalization;

namespace Collaboration.Bench.Live.Load;

/// <summary>Latencies per kind of request (e.g. <c>POST talent-cases</c>), failures counted apart.</summary>
internal sealed class KindStats
{
    private readonly ConcurrentDictionary<string, Kind> kinds = new(StringComparer.Ordinal);

    public void Record(string kind, bool command, LoadReply reply)
    {
        var entry = kinds.GetOrAdd(kind, k => new Kind(k, command));
        lock (entry)
        {
            if (reply.Ok)
            {
                entry.Latencies.Add(reply.Milliseconds);
            }
            else
            {
                entry.Failed++;
                if (entry.Failed <= 2)
                {
                    Console.WriteLine($"\n  {kind} failed: {reply}");
                }
            }
        }
    }

    /// <summary>
    /// Forgets everything recorded so far (the day's unrecorded warm-up); call with nothing in flight. The kinds stay, emptied:
    /// new ones would be allocated inside the day whose heap is measured.
    /// </summary>
    public void Reset()
    {
        foreach (var kind in kinds.Values)
        {
            lock (kind)
            {
                kind.Latencies.Clear();
                kind.Failed = 0;
            }
        }
    }

    public (long Commands, long Reads, long Failed) Totals()
    {
        long commands = 0, reads = 0, failed = 0;
        foreach (var kind in kinds.Values)
        {
            lock (kind)
            {
                if (kind.Command)
                {
                    commands += kind.Latencies.Count;
                }
                else
                {
                    reads += kind.Latencies.Count;
                }

                failed += kind.Failed;
            }
        }

        return (commands, reads, failed);
    }

    public IEnumerable<string> Table(TimeSpan duration)
    {
        yield return "| Kind | Requests | Per s | p50 ms | p99 ms | max ms | Failed |";
        yield return "|---|---:|---:|---:|---:|---:|---:|";
        foreach (var kind in kinds.Values.OrderBy(k => !k.Command).ThenBy(k => k.Name, StringComparer.Ordinal))
        {
            LatencyHistogram latencies;
            int failed;
            lock (kind)
            {
                latencies = kind.Latencies.Copy();
                failed = kind.Failed;
            }

            yield return string.Create(CultureInfo.InvariantCulture,
                $"| {kind.Name} | {latencies.Count:N0} | {latencies.Count / duration.TotalSeconds:N1} | {latencies.Percentile(50):F2} | {latencies.Percentile(99):F2} | {latencies.Max:F2} | {failed} |");
        }
    }

    /// <summary>Nearest-rank percentile of an ascending array; NaN when empty (the closed-loop phases, before the day).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed class Kind(string name, bool command)
    {
        public string Name { get; } = name;

        public bool Command { get; } = command;

        public LatencyHistogram Latencies { get; } = new();

        public int Failed { get; set; }
    }
}
