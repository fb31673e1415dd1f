using Collaboration.Bench.Live;
using Collaboration.Bench.Live.Load;

// The benchmarks that host the web app; the store and audit benchmarks are in bench/Collaboration.Bench.
var commands = new Dictionary<string, (string Help, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["live"] = ("HTTP command 2xx -> SignalR view latency at 100/s, 1,000/s and fanned out [--seconds S --clients N --partners P --fan-out-rate R]",
        LiveBench.RunAsync),
    ["notifications"] = ("event -> inbox push and event -> SMTP accepted latency at 100 events/s, a real SMTP server in process [--seconds S --rate R --cases C --followers F]",
        NotificationsBench.RunAsync),
    ["cluster"] = ("change on node A -> view on node B p99 at 100 commands/s, two nodes on PostgreSQL + Redis, one node as the ceiling [--rounds N --seconds S --rate R --partners P]",
        ClusterBench.RunAsync),
    ["load"] = ("a day in fast-forward over HTTP and SignalR against the bare ASP.NET ceiling [--minutes M --rate R --connections C --phase-seconds S --dashboards D --dashboard-process 1|0]",
        LoadBench.RunAsync),
};

// Hidden: the load driver's dashboards in their own process (DashboardProcess starts it).
if (args is [DashboardChild.Verb])
{
    return await DashboardChild.RunAsync();
}

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.WriteLine("usage: Collaboration.Bench.Live <command> [options]");
    foreach (var (name, (help, _)) in commands)
    {
        Console.WriteLine($"  {name,-14} {help}");
    }

    return args.Length == 0 ? 0 : 2;
}

return await command.Run(args[1..]);
