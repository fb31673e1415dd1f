using System.Globalization;

namespace Collaboration.Bench;

/// <summary>Options shared by every bench command.</summary>
internal sealed record BenchArguments(long Events, int Rounds, string Directory, bool Keep, int? GatherMicroseconds, string? Connection = null)
{
    public static BenchArguments Parse(ReadOnlySpan<string> args)
    {
        long events = 1_000_000;
        var directory = Path.Combine(Path.GetTempPath(), "collaboration-bench");
        var keep = false;
        var rounds = 3;
        int? gather = null;
        string? connection = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--events":
                    events = long.Parse(args[++i].Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--rounds":
                    rounds = int.Parse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--gather-us":
                    gather = int.Parse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--path":
                    directory = args[++i];
                    break;
                case "--connection":
                    connection = args[++i];
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return new BenchArguments(events, Math.Max(1, rounds), directory, keep, gather, connection);
    }
}
