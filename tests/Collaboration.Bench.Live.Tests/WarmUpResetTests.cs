using Collaboration.Bench.Live.Load;

namespace Collaboration.Bench.Live.Tests;

/// <summary>
/// ADR 0028, amendment of 2026-12-05 (midday): the load driver runs the day's mix before the measured day and forgets it,
/// so the day's figures hold only the day's requests and pushes.
/// </summary>
public sealed class WarmUpResetTests
{
    private const string View = "talent-case-queue";

    [Fact]
    public void the_warm_ups_push_latencies_and_waiting_commands_are_not_in_the_days_figures()
    {
        var push = new PushTracker([View]);
        var t = SharedClock.Now;
        push.Track(View, "warm", t, t + Ms(1), null);
        push.Received(View, "warm", t + Ms(900));
        push.Track(View, "never-pushed", t, t + Ms(1), null);

        push.Reset();
        push.Track(View, "day", t + Ms(1_000), t + Ms(1_002), null);
        push.Received(View, "day", t + Ms(1_007));

        var (latencies, lost) = push.Summarise();
        latencies.Count.Should().Be(1);
        latencies.Max.Should().BeApproximately(5, 0.001);
        lost.Should().Be(0, "a warm-up command whose push never came is not the day's loss");
        push.Pending.Should().Be(0);
    }

    [Fact]
    public void the_warm_ups_requests_are_not_counted_in_the_day()
    {
        var stats = new KindStats();
        stats.Record("GET overview", command: false, new LoadReply(200, "{}", 0, Ms(2_000)));
        stats.Record("POST talent-cases (open)", command: true, new LoadReply(201, "{}", 0, Ms(3)));

        stats.Reset();
        stats.Record("POST talent-cases (open)", command: true, new LoadReply(201, "{}", 0, Ms(4)));

        stats.Totals().Should().Be((1L, 0L, 0L));
    }

    private static long Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds).Ticks;
}
