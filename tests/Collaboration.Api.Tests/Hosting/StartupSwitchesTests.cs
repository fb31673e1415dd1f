using Collaboration.Api.Hosting;

namespace Collaboration.Api.Tests.Hosting;

public sealed class StartupSwitchesTests
{
    [Fact]
    public void demo_is_a_switch_and_the_next_argument_still_reaches_the_host()
    {
        var switches = StartupSwitches.Parse(["--demo", "--urls", "http://127.0.0.1:5099"]);

        switches.Demo.Should().BeTrue();
        switches.HostArguments.Should().Equal("--urls", "http://127.0.0.1:5099");
    }

    [Fact]
    public void without_demo_the_arguments_pass_unchanged()
    {
        var switches = StartupSwitches.Parse(["--urls", "http://127.0.0.1:5099", "--environment", "Development"]);

        switches.Demo.Should().BeFalse();
        switches.HostArguments.Should().Equal("--urls", "http://127.0.0.1:5099", "--environment", "Development");
    }

    [Fact]
    public void demo_after_other_arguments_is_taken_out_as_well()
    {
        StartupSwitches.Parse(["--urls", "http://127.0.0.1:5099", "--demo"]).Should()
            .Match<StartupSwitches>(s => s.Demo && s.HostArguments.SequenceEqual(new[] { "--urls", "http://127.0.0.1:5099" }));
    }
}
