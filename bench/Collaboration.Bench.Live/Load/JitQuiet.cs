using System.Runtime;

namespace Collaboration.Bench.Live.Load;

/// <summary>
/// Keeps warming up until the runtime has stopped compiling: under two busy cores the tiered compiler's background
/// promotions lag the warm-up, and a phase measured while they run is measured partly unoptimised (on 52aae97 the JIT
/// took a fifth of the samples of the first ceiling phase, whose CPU per request was 51–71 µs against the last one's
/// 46–48).
/// </summary>
internal static class JitQuiet
{
    /// <summary>Methods compiled in one round below which the runtime counts as quiet.</summary>
    private const long QuietMethods = 20;

    public static async Task WaitAsync(Func<TimeSpan, Task> round, TimeSpan roundLength, int maxRounds)
    {
        var before = JitInfo.GetCompiledMethodCount();
        for (var i = 1; i <= maxRounds; i++)
        {
            var start = JitInfo.GetCompiledMethodCount();
            await round(roundLength);
            var compiled = JitInfo.GetCompiledMethodCount() - start;
            if (compiled < QuietMethods)
            {
                Console.WriteLine($"  JIT quiet after {i} round(s) of {roundLength.TotalSeconds:F0} s ({JitInfo.GetCompiledMethodCount() - before:N0} methods compiled meanwhile)");
                return;
            }
        }

        Console.WriteLine($"  JIT still compiling after {maxRounds} rounds ({JitInfo.GetCompiledMethodCount() - before:N0} methods compiled meanwhile)");
    }
}
