using System.Diagnostics;
using Collaboration.Bench.Store;

namespace Collaboration.Bench.Live;

/// <summary>An open-loop load: work is started on schedule whether or not earlier work has finished, as real clients do.</summary>
internal static class OpenLoop
{
    /// <summary>
    /// Starts item <c>i</c> at <c>i / rate</c> seconds, shows progress, then waits at most <paramref name="drain"/> for
    /// the items still running. Returns how long starting them all took.
    /// </summary>
    public static async Task<TimeSpan> DriveAsync(string label, TimeSpan drain, int rate, int total, Func<int, Task> fire)
    {
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        using (var counter = new LiveCounter(label, total))
        {
            var next = 0;
            while (next < total)
            {
                var wait = TimeSpan.FromSeconds((double)next / rate) - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }

                while (next < total && TimeSpan.FromSeconds((double)next / rate) <= clock.Elapsed)
                {
                    tasks.Add(fire(next++));
                    counter.Add(1);
                }
            }
        }

        var sent = clock.Elapsed;
        await Task.WhenAll(tasks).WaitAsync(drain);
        return sent;
    }
}
