using Collaboration.Bench;
using Collaboration.Bench.Lists;
using Collaboration.Bench.Reliability;
using Collaboration.Bench.Store;

// Each subcommand is one load scenario; add new ones to the table below. The benchmarks that host the web app are in
// bench/Collaboration.Bench.Live, so this driver references only the libraries.
var commands = new Dictionary<string, (string Help, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["store"] = ("event store throughput against the raw SQLite ceiling [--events N --rounds R --gather-us U --path DIR --keep]",
        rest => StoreBenchmark.RunAsync(BenchArguments.Parse(rest))),
    ["store-read"] = ("only the $all read rows of store, on a log kept in DIR for A/B runs [--events N --path DIR --read-page N]",
        StoreReadBenchmark.RunAsync),
    ["store-postgres"] = ("PostgreSQL store: 64 writers and the $all read against raw PostgreSQL ceilings [--events N --rounds R --connection CS --keep]",
        rest => StorePostgresBenchmark.RunAsync(BenchArguments.Parse(rest))),
    ["audit"] = ("as-of, history, verify, export and full projection rebuild over a generated log [events=1000000] [--rebuild-only] [--allocations]", AuditBench.RunAsync),
    ["lists"] = ("list pages and memory over HTTP, dashboard pages over HTTP and in the system's chromium, against the app on a seeded log [--cases N=100000 --commitments N=20000 --requests N=200 --keep --log PATH --hold S --app DLL]", ListsBench.RunAsync),
    ["fuzz"] = ("long fuzz run of the reliability harness [--requests N=10000 --seed S --tests-dll PATH]", ReliabilityRun.FuzzAsync),
    ["crash"] = ("long kill -9 run of the reliability harness [--cycles N=100 --seed S --tests-dll PATH]", ReliabilityRun.CrashAsync),
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.WriteLine("usage: Collaboration.Bench <command> [options]");
    foreach (var (name, (help, _)) in commands)
    {
        Console.WriteLine($"  {name,-14} {help}");
    }

    Console.WriteLine("  (the live bench hosts the web app: dotnet run -c Release --project bench/Collaboration.Bench.Live -- live)");

    return args.Length == 0 ? 0 : 2;
}

return await command.Run(args[1..]);
