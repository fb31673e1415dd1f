using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Collaboration.Bench.Store;

namespace Collaboration.Bench.Live.Load;

/// <summary>
/// <paramref name="connections"/> workers, each sending its next request as soon as the last one answered, for a fixed
/// time: the throughput a given number of connections gets. Every phase, the ceiling included, runs this way.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<LoopResult> RunAsync(string label, int connections, TimeSpan duration, Func<int, long, Task<LoadReply>> send)
    {
        var latencies = new List<double>[connections];
        var failed = 0;
        var sequence = 0L;
        var counter = new LiveCounter(label, 0);
        var jitMethods = JitInfo.GetCompiledMethodCount();
        var jitTime = JitInfo.GetCompilationTime();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            while (clock.Elapsed < duration)
            {
                var reply = await send(worker, Interlocked.Increment(ref sequence));
                if (reply.Ok)
                {
                    mine.Add(reply.Milliseconds);
                }
                else if (Interlocked.Increment(ref failed) <= 2)
                {
                    Console.WriteLine($"\n  {label}: {reply}");
                }

                counter.Add(1);
            }
        })));
        var elapsed = clock.Elapsed;
        counter.Dispose();
        var sorted = latencies.SelectMany(l => l).ToArray();
        Array.Sort(sorted);
        var result = new LoopResult(label, sorted.Length / elapsed.TotalSeconds, KindStats.Percentile(sorted, 50), KindStats.Percentile(sorted, 99), failed);
        // What the tiered compiler did meanwhile: a phase that compiles much ran partly unoptimised (JitQuiet).
        jitMethods = JitInfo.GetCompiledMethodCount() - jitMethods;
        jitTime = JitInfo.GetCompilationTime() - jitTime;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: {result.PerSecond:N0}/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, {failed} failed; JIT {jitMethods:N0} methods, {jitTime.TotalMilliseconds:N0} ms"));
        return result;
    }
}

internal sealed record LoopResult(string Label, double PerSecond, double P50, double P99, int Failed);
