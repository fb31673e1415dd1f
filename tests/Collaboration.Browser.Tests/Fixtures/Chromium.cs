using Microsoft.Playwright;

namespace Collaboration.Browser.Tests.Fixtures;

/// <summary>
/// The system's chromium, driven headless. Browsers are never downloaded: without chromium the tests skip on a
/// developer machine, and fail when <c>CI=true</c> so a build server cannot pass them silently.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static bool RequiredByCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the browser tests cannot run here, or null when chromium is installed.</summary>
    public static string? MissingReason => File.Exists(ExecutablePath)
        ? null
        : $"Chromium is not installed at {ExecutablePath} (set CHROMIUM_PATH); browser tests are skipped outside CI.";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }
}

/// <summary>A fact that needs chromium: skipped with the reason when it is missing, unless CI requires it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.MissingReason is { } reason && !Chromium.RequiredByCi)
        {
            Skip = reason;
        }
    }
}
