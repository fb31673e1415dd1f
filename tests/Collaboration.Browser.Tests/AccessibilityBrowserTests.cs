using Collaboration.Api.Modules;
using Collaboration.Browser.Tests.Fixtures;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Browser.Tests;

/// <summary>
/// Issue 17 item 6: axe-core finds no WCAG 2.1 A/AA violation on any portal or dashboard page, in either language, and
/// each page's <c>lang</c> is the language it is read in. The demo scenario gives every page real content.
/// </summary>
public sealed class AccessibilityBrowserTests(DemoDashboardApp demo, ITestOutputHelper output) : IClassFixture<DemoDashboardApp>
{
    private static readonly float PageLoad = 30_000;

    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private static readonly string[] DashboardPages =
        ["/", $"/memoranda/{DemoData.Memorandum}", "/commitments", $"/partners/{DemoData.Sicc}", "/talent-cases", "/feedback", "/activity", "/notifications", "/audit", "/import"];

    [ChromiumFact]
    public async Task portal_pages_have_no_wcag_21_aa_violations_in_either_language()
    {
        var app = demo.App;
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = app.Address.ToString() });
        var page = await context.NewPageAsync();
        var found = new List<string>();
        foreach (var (home, lang) in new[] { ("/open", "zh-CN"), ("/open/en", "en") })
        {
            foreach (var path in new[] { home, $"{home}/memoranda/{DemoData.Memorandum}", $"{home}/policies", $"{home}/answers" })
            {
                await page.GotoAsync(path, new() { Timeout = PageLoad });
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
                found.AddRange(await ViolationsAsync(page, path));
            }
        }

        found.Should().BeEmpty("axe-core must find no WCAG 2.1 AA violation on the portal:\n{0}", string.Join('\n', found));
    }

    [ChromiumFact]
    public async Task dashboard_pages_have_no_wcag_21_aa_violations_in_either_language()
    {
        var app = demo.App;
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = app.Address.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var found = new List<string>();
        await page.GotoAsync("/signin", new() { Timeout = PageLoad });
        found.AddRange(await ViolationsAsync(page, "/signin"));
        await DashboardBrowserTests.SignInAsync(page, "office", organisation: null, "office.zhang");
        await DashboardBrowserTests.WaitForCircuitAsync(page);

        foreach (var (language, lang) in new[] { ("en", "en"), ("zh", "zh-CN") })
        {
            await page.Locator($"#lang-{language}").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
            foreach (var path in DashboardPages)
            {
                // A full load: the chosen language must come back from the browser's storage, lang attribute included.
                await page.GotoAsync(path, new() { Timeout = PageLoad });
                await DashboardBrowserTests.WaitForCircuitAsync(page);
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang, new() { Timeout = PageLoad });
                await Expect(page.Locator("#page-title, #partner-name").First).ToBeVisibleAsync(new() { Timeout = PageLoad });
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                found.AddRange(await ViolationsAsync(page, $"{path} ({language})"));
            }
        }

        found.Should().BeEmpty("axe-core must find no WCAG 2.1 AA violation on the dashboard:\n{0}", string.Join('\n', found));
    }

    private async Task<IEnumerable<string>> ViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe(Wcag21AA);
        var lines = result.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{name} · {v.Id} ({v.Impact}) · {n.Target} · {Shorten(n.Html)} · {Shorten(string.Join(" | ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message)))}"))
            .ToList();
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        return lines;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 240 ? text.ReplaceLineEndings(" ") : text[..240].ReplaceLineEndings(" ") + "…";
}
