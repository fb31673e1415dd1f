using System.Globalization;

namespace Collaboration.Bench.Live.Load;

/// <summary>Options of <c>load</c>: the day's length and rate, the closed-loop connections and phase length, the dashboards and where they run.</summary>
/// <param name="DashboardProcess">The dashboards run in a child process (<c>--dashboard-process 1</c>, the default) or in the driver's (<c>0</c>).</param>
/// <param name="HoldSeconds">
/// <c>--hold S</c>: after the day's end heap figure the driver waits S seconds with nothing sent, printing its pid, so that
/// a heap dump of that moment can be taken without a request or push in flight (0, the default, does not wait). Not
/// before the day: a pause between the warm-up and the day changes the day (ADR 0028, amendment of 2026-12-06).
/// </param>
internal sealed record LoadOptions(double Minutes, int Rate, int Connections, int PhaseSeconds, int Dashboards, bool DashboardProcess, int HoldSeconds = 0)
{
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(10, 200, 64, 10, 200, true);
        for (var i = 0; i < args.Length; i++)
        {
            var text = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            var value = double.Parse(text, CultureInfo.InvariantCulture);
            options = args[i++] switch
            {
                "--minutes" => options with { Minutes = Math.Clamp(value, 0.1, 120) },
                "--rate" => options with { Rate = (int)Math.Clamp(value, 1, 10_000) },
                "--connections" => options with { Connections = (int)Math.Clamp(value, 1, 512) },
                "--phase-seconds" => options with { PhaseSeconds = (int)Math.Clamp(value, 1, 120) },
                "--dashboards" => options with { Dashboards = (int)Math.Clamp(value, 1, 2_000) },
                "--dashboard-process" => options with { DashboardProcess = value != 0 },
                "--hold" => options with { HoldSeconds = (int)Math.Clamp(value, 0, 3_600) },
                var other => throw new ArgumentException($"Unknown option '{other}'."),
            };
        }

        return options;
    }
}
