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
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var total = Math.Max(args.Events, 10_000);
        Directory.CreateDirectory(args.Directory);
        var serializer = new EventSerializer(StoreBenchmark.CreateRegistry());
        var options = new SqliteEventStoreOptions { Path = Path.Combine(args.Directory, "store.db") };
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
                    var row = await StoreBenchmark.ReadAllAsync(store, deserialise ? serializer : null, total);
                    var cpuPerEvent = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / (3.0 * row.Events);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Name}: {row.Events:N0} events in {row.Elapsed.TotalSeconds:F2} s = {row.Events / row.Elapsed.TotalSeconds:N0} events/s; CPU {cpuPerEvent:F2} µs/event"));
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
