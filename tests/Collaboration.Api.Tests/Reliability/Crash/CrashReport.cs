namespace Collaboration.Api.Tests.Reliability.Crash;

/// <summary>What a crash run did and what it found wrong, per cycle and in total.</summary>
public sealed record CrashReport(
    int Seed,
    int Cycles,
    int Sent,
    int Acknowledged,
    long FinalHead,
    IReadOnlyList<string> CycleLines,
    IReadOnlyList<string> Problems,
    TimeSpan Elapsed)
{
    public string Summary =>
        $"seed {Seed}: {Cycles} kill -9 cycles in {Elapsed.TotalSeconds:F0} s; {Sent} commands sent, {Acknowledged} acknowledged 2xx; " +
        $"log head {FinalHead}; {Problems.Count} problems";
}
