using System.Diagnostics;
using System.Globalization;
using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collaboration.Bench.Store;

/// <summary>
/// Only the two $all read rows of <see cref="StoreBenchmark"/>, on a log kept between runs: filling a log takes far
/// longer than reading it, and an A/B comparison of the read path wants many short runs alternated on the same file.
/// </summary>
internal static class StoreReadBenchmark
{
    public static async Task<int> RunAsync(string[] rest)
    {
        // --read-page N: the store's ReadPageSize, to compare page sizes on the same log.
        var page = Array.IndexOf(rest, "--read-page");
        var pageSize = page >= 0 ? int.Parse(rest[page + 1], CultureInfo.InvariantCulture) : new SqliteEventStoreOptions { Path = "" }.ReadPageSize;
        var args = BenchArguments.Parse(page >= 0 ? [.. rest[..page], .. rest[(page + 2)..]] : rest);
        var total = Math.Max(args.Events, 10_000);
        Directory.CreateDirectory(args.Directory);
        var serializer = new EventSerializer(StoreBenchmark.CreateRegistry());
        var options = new SqliteEventStoreOptions { Path = Path.Combine(args.Directory, "store.db"), ReadPageSize = pageSize };
        Console.WriteLine($"store read benchmark: {total:N0} events of {options.Path}, {Environment.ProcessorCount} cores");
        try
        {
            await using (var store = await SqliteEventStore.OpenAsync(options, TimeProvider.System))
            {
                await StoreBenchmark.TopUpAsync(store, serializer, total);
            }

            await using (var store = await SqliteEventStore.OpenAsync(options, TimeProvider.System))
            {
                foreach (var deserialise in new[] { true, false })
                {
                    // On a busy machine the wall clock says little; the process's CPU per event (three passes, all
                    // threads) says what the read costs wherever it runs.
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var (collections, paused, allocated) = (GC.CollectionCount(0), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
                    var row = await StoreBenchmark.ReadAllAsync(store, deserialise ? serializer : null, total);
                    var cpuPerEvent = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / (3.0 * row.Events);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Name}: {row.Events:N0} events in {row.Elapsed.TotalSeconds:F2} s = {row.Events / row.Elapsed.TotalSeconds:N0} events/s; CPU {cpuPerEvent:F2} µs/event, {(GC.GetTotalAllocatedBytes() - allocated) / (3.0 * row.Events):F0} B/event, {GC.CollectionCount(0) - collections} GCs pausing {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s (3 passes, page {pageSize})"));
                }
            }

            var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "n/a";
            Console.WriteLine($"Load average at the end (1/5/15 min, from /proc/loadavg): {load}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
