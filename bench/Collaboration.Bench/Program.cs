using Collaboration.Bench;

// Subcommands: `audit [events]` (as-of, verify and export over a generated log). The store helper's load driver
// plugs in beside it.
return args.FirstOrDefault() switch
{
    "audit" => await AuditBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: Collaboration.Bench audit [events=1000000]");
    return 1;
}
