using System.Runtime;

namespace Collaboration.Bench.Live.Load;

/// <summary>
/// Keeps warming up until the runtime has stopped compiling: under two busy cores the tiered compiler's background
/// promotions lag the warm-up, and a phase measured while they run is measured partly unoptimised (on 52aae97 the JIT
/// took a fifth of the samples of the first ceiling phase, whose CPU per request was 51–71 µs against the last one's
/// 46–48). A cycle runs one round of every measured request kind, the app's as well as the bare one: bare rounds alone
/// left the partners phase compiling ~1,850 methods (ADR 0028's amendment of 2026-12-07, third).
/// </summary>
internal static class JitQuiet
{
    /// <summary>Methods compiled in one cycle below which the runtime counts as quiet.</summary>
    private const long QuietMethods = 20;

    public static async Task WaitAsync(IReadOnlyList<Func<TimeSpan, Task>> rounds, TimeSpan roundLength, int maxCycles)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var before = JitInfo.GetCompiledMethodCount();
        for (var i = 1; i <= maxCycles; i++)
        {
            var start = JitInfo.GetCompiledMethodCount();
            foreach (var round in rounds)
            {
                await round(roundLength);
            }

            var compiled = JitInfo.GetCompiledMethodCount() - start;
            if (compiled < QuietMethods)
            {
                Console.WriteLine($"  JIT quiet after {i} cycle(s) of {rounds.Count} rounds of {roundLength.TotalSeconds:F1} s ({JitInfo.GetCompiledMethodCount() - before:N0} methods compiled meanwhile)");
                return;
            }
        }

        Console.WriteLine($"  JIT still compiling after {maxCycles} cycles ({JitInfo.GetCompiledMethodCount() - before:N0} methods compiled meanwhile)");
    }
}
