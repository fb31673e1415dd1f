using Collaboration.Browser.Tests.Fixtures;
using static Collaboration.Browser.Tests.DashboardBrowserTests;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Browser.Tests;

/// <summary>
/// Issue 17 item 6: once a user chose 中文, the server's first response is already Chinese — <c>lang</c> and labels —
/// not English until the circuit catches up. The portal keeps its own switch (the address), whatever the cookie says.
/// </summary>
public sealed class DashboardLanguageCookieBrowserTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    private static readonly float PageLoad = 30_000;

    [ChromiumFact]
    public async Task after_choosing_chinese_the_first_server_response_has_the_chinese_lang_and_labels()
    {
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = app.Address.ToString() });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "office", organisation: null, "office.lang");
        await WaitForCircuitAsync(page);

        var before = await (await context.APIRequest.GetAsync("/")).TextAsync();
        before.Should().Contain("<html lang=\"en\">").And.Contain("District overview");

        await page.Locator("#lang-zh").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await page.ReloadAsync(new() { Timeout = PageLoad });

        // The raw bytes the server sent for the reload, before any script ran.
        var first = await (await context.APIRequest.GetAsync("/")).TextAsync();
        first.Should().Contain("<html lang=\"zh-CN\">").And.Contain("全区概览").And.NotContain("District overview");
        (await context.CookiesAsync()).Should().Contain(c => c.Name == "collaboration.language" && c.Value == "zh" && c.HttpOnly == false);
        await WaitForCircuitAsync(page);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("全区概览");

        // The portal's language is its address: the English portal stays English with the dashboard's cookie set.
        var portal = await (await context.APIRequest.GetAsync("/open/en")).TextAsync();
        portal.Should().Contain("<html lang=\"en\">");

        await page.Locator("#lang-en").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        (await (await context.APIRequest.GetAsync("/")).TextAsync()).Should().Contain("<html lang=\"en\">").And.Contain("District overview");
    }
}
