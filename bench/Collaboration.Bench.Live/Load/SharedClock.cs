namespace Collaboration.Bench.Live.Load;

/// <summary>
/// The driver's timestamps, comparable across its processes: the dashboards may run in a child process (see
/// <see cref="DashboardProcess"/>), and <see cref="System.Diagnostics.Stopwatch"/>'s timestamps are only documented to
/// compare within one process. The wall clock's UTC ticks are the same clock for every process on the machine; a clock
/// step (NTP) during a run would skew the latencies measured across it, and 100 ns ticks are finer than anything measured.
/// </summary>
internal static class SharedClock
{
    public static long Now => DateTime.UtcNow.Ticks;

    public static TimeSpan Elapsed(long from, long to) => TimeSpan.FromTicks(to - from);
}
