using System.Diagnostics;
using Microsoft.Playwright;

namespace Collaboration.Bench.Lists;

/// <summary>
/// The dashboard pages as a user gets them: the system's headless chromium (as the browser tests drive it; nothing is
/// downloaded) signs in through the development sign-in, then loads each page afresh — a new page load, a new circuit —
/// and times from the navigation to the page being interactive: the Blazor circuit connected (the layout's
/// <c>data-interactive</c> mark) and the page's data on screen (its table's first rows, or the overview's key figures).
/// </summary>
internal static class BrowserPages
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    /// <summary>Why the browser phase cannot run here, or null when chromium is installed.</summary>
    public static string? MissingReason => File.Exists(ExecutablePath) ? null : $"no chromium at {ExecutablePath} (set CHROMIUM_PATH)";

    /// <summary>
    /// Loads every page <paramref name="runs"/> times after two uncounted loads and returns each page's times in
    /// milliseconds, sorted. <paramref name="pages"/> pairs a route with the selector that shows its data.
    /// </summary>
    public static async Task<List<(string Page, List<double> Times)>> MeasureAsync(Uri address, IEnumerable<(string Page, string Data)> pages, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new() { BaseURL = address.ToString() });
        var page = await context.NewPageAsync();
        await SignInAsync(page);

        var results = new List<(string, List<double>)>();
        foreach (var (route, data) in pages)
        {
            var times = new List<double>(runs);
            for (var run = 0; run < runs + 2; run++)
            {
                var start = Stopwatch.GetTimestamp();
                await page.GotoAsync("/" + route, new() { WaitUntil = WaitUntilState.Commit, Timeout = (float)Patience.TotalMilliseconds });
                await page.Locator("#app-title[data-interactive='true']").WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
                await page.Locator(data).First.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
                if (run >= 2)
                {
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            times.Sort();
            results.Add((route, times));
        }

        return results;
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/signin", new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.Locator("#role").SelectOptionAsync("office");
        await page.Locator("#name").FillAsync("office.bench");
        await page.Locator("#signin").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new() { Timeout = (float)Patience.TotalMilliseconds });
    }
}
