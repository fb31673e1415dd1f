using Collaboration.Bench;
using Collaboration.Bench.Store;

// Each subcommand is one load scenario; add new ones to the table below.
var commands = new Dictionary<string, (string Help, Func<BenchArguments, Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["store"] = ("event store throughput against the raw SQLite ceiling", StoreBenchmark.RunAsync),
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.WriteLine("usage: Collaboration.Bench <command> [options]");
    foreach (var (name, (help, _)) in commands)
    {
        Console.WriteLine($"  {name,-8} {help}");
    }

    Console.WriteLine("options: --events N (size of the read test; appends use N/5), --rounds R (append rounds, median kept), --gather-us U (store group-commit gather window), --path DIR (where temp databases go), --keep (keep them)");
    return args.Length == 0 ? 0 : 2;
}

return await command.Run(BenchArguments.Parse(args.AsSpan(1)));
