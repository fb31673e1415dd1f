using Collaboration.Bench.Live.Load;

namespace Collaboration.Bench.Live.Tests;

/// <summary>The load driver's options; <c>--hold</c> gives an outside tool a quiet moment at each heap figure.</summary>
public sealed class LoadOptionsTests
{
    [Fact]
    public void without_options_the_day_is_ten_minutes_at_200_per_second_and_nothing_is_held()
    {
        var options = LoadOptions.Parse([]);

        options.Minutes.Should().Be(10);
        options.Rate.Should().Be(200);
        options.Dashboards.Should().Be(200);
        options.HoldSeconds.Should().Be(0);
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("-5", 0)]
    [InlineData("100000", 3_600)]
    public void hold_takes_seconds_within_an_hour(string value, int expected) =>
        LoadOptions.Parse(["--minutes", "0.5", "--hold", value]).Should().BeEquivalentTo(
            new { Minutes = 0.5, HoldSeconds = expected });

    [Fact]
    public void an_unknown_option_is_refused_by_name()
    {
        var parse = () => LoadOptions.Parse(["--holdd", "3"]);

        parse.Should().Throw<ArgumentException>().WithMessage("*--holdd*");
    }
}
