using Collaboration.Api.Modules;
using Collaboration.Browser.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Browser.Tests;

/// <summary>Issue 17's "done when": a browser opens /open anonymously in both languages and finds what was published, and only that.</summary>
public sealed class PortalBrowserTests(DemoDashboardApp demo) : IClassFixture<DemoDashboardApp>
{
    private static readonly float PageLoad = 30_000;

    [ChromiumFact]
    public async Task an_anonymous_visitor_reads_the_published_memorandum_and_answer_in_both_languages_and_nothing_unpublished()
    {
        var app = demo.App;
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = app.Address.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/open/en", new() { Timeout = PageLoad });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Hongkou Government-Society Cooperation Memorandum (2024)" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/open/en/memoranda/{DemoData.Memorandum}$"));
        await Expect(page.Locator("#parties")).ToContainTextAsync("Shanghai International Chamber of Commerce");
        await Expect(page.Locator("#progress-by-focus-area")).ToContainTextAsync("High-level talent services");
        await Expect(page.Locator("#progress-by-focus-area progress")).ToHaveCountAsync(4);
        await Expect(page.Locator("#weighted-completion")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d)?%$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "portal-memorandum-en.png"), FullPage = true });

        await page.GotoAsync("/open/en/answers", new() { Timeout = PageLoad });
        await Expect(page.Locator("main")).ToContainTextAsync("English guidance for work permits");
        await Expect(page.Locator("main")).ToContainTextAsync("An English version is being prepared");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Bilingual signage at the reception room");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Entrepreneurship subsidy for foreign founders");

        // The same switch as the dashboard's: 中文 takes the visitor to the same page in Chinese.
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/open/answers$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("main")).ToContainTextAsync("我们已安排制作英文版指引");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Bilingual signage at the reception room");

        await page.GotoAsync($"/open/memoranda/{DemoData.Memorandum}", new() { Timeout = PageLoad });
        await Expect(page.Locator("h1")).ToHaveTextAsync("虹口区政社合作备忘录（2024）");
        await Expect(page.Locator("#parties")).ToContainTextAsync("上海国际商会");
        await Expect(page.Locator("#progress-by-focus-area")).ToContainTextAsync("高层次人才服务");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "portal-memorandum-zh.png"), FullPage = true });
    }
}
