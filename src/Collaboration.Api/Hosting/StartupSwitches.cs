namespace Collaboration.Api.Hosting;

/// <summary>
/// The tracker's own command-line switches, taken out before the host sees the arguments: the host's command-line
/// configuration reads <c>--demo --urls http://…</c> as <c>demo=--urls</c> and drops the address, so a switch that
/// takes no value must never reach it.
/// </summary>
public sealed record StartupSwitches(bool Demo, string[] HostArguments)
{
    public const string DemoSwitch = "--demo";

    public static StartupSwitches Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var demo = args.Any(IsDemo);
        return new StartupSwitches(demo, [.. args.Where(a => !IsDemo(a))]);
    }

    private static bool IsDemo(string argument) => string.Equals(argument, DemoSwitch, StringComparison.OrdinalIgnoreCase);
}
