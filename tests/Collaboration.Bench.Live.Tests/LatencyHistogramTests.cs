using Collaboration.Bench.Live.Load;

namespace Collaboration.Bench.Live.Tests;

/// <summary>The load driver's fixed-size latency record: percentiles at most 1 % above the exact nearest rank, never below.</summary>
public sealed class LatencyHistogramTests
{
    [Fact]
    public void a_percentile_is_the_nearest_rank_or_at_most_one_percent_above_it()
    {
        var random = new Random(20241202);
        var values = Enumerable.Range(0, 20_000).Select(_ => Math.Exp(random.NextDouble() * 12) * 0.005).ToArray();
        var histogram = new LatencyHistogram();
        foreach (var value in values)
        {
            histogram.Add(value);
        }

        Array.Sort(values);
        histogram.Count.Should().Be(values.Length);
        histogram.Max.Should().Be(values[^1]);
        foreach (var percentile in new[] { 1, 50, 90, 99, 99.9 })
        {
            var exact = values[(int)Math.Ceiling(percentile / 100 * values.Length) - 1];
            histogram.Percentile(percentile).Should().BeInRange(exact * (1 - 1e-9), exact * 1.0101, $"p{percentile}");
        }
    }

    [Fact]
    public void an_empty_or_cleared_histogram_has_no_percentile()
    {
        var histogram = new LatencyHistogram();
        double.IsNaN(histogram.Percentile(99)).Should().BeTrue();
        histogram.Add(12.5);
        histogram.Percentile(99).Should().Be(12.5);

        histogram.Clear();

        histogram.Count.Should().Be(0);
        double.IsNaN(histogram.Percentile(50)).Should().BeTrue();
        double.IsNaN(histogram.Max).Should().BeTrue();
    }

    [Fact]
    public void recent_items_hold_the_last_ones_added_and_nothing_before_the_first()
    {
        var recent = new RecentItems<int>();
        recent.TryPick(7, out _).Should().BeFalse();

        for (var i = 0; i < RecentItems<int>.Capacity + 10; i++)
        {
            recent.Add(i);
        }

        var picked = Enumerable.Range(0, RecentItems<int>.Capacity).Select(n => recent.TryPick(n, out var item) ? item : -1).ToHashSet();
        picked.Should().HaveCount(RecentItems<int>.Capacity);
        picked.Min().Should().Be(10, "the first ten were overwritten by the last ten");
    }
}
