using System.Security.Cryptography;
using System.Text;
using Collaboration.Browser.Tests.Fixtures;
using Microsoft.Playwright;
using static Collaboration.Browser.Tests.DashboardBrowserTests;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Browser.Tests;

/// <summary>
/// Issue 17 item 2, the dashboard page: the office fills the downloaded template, sees the dry run, confirms it and
/// finds the partners and commitments on the other pages; the same file again is all "unchanged". Others are refused.
/// </summary>
public sealed class ImportPageBrowserTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    private static readonly float PageLoad = 30_000;

    [ChromiumFact]
    public async Task office_imports_the_filled_template_confirms_it_and_a_second_upload_of_the_same_file_is_all_unchanged()
    {
        var a = await app.RegisterPartnerAsync("上海国际商会", "Shanghai International Chamber of Commerce");
        var b = await app.RegisterPartnerAsync("虹口区外商投资企业协会", "Hongkou Association of Foreign-Invested Enterprises");
        var scenario = await ScenarioMemorandum.SignAsync(app, a, "上海国际商会", "Shanghai International Chamber of Commerce", b, "虹口区外商投资企业协会", "Hongkou Association of Foreign-Invested Enterprises");
        var tag = Guid.NewGuid().ToString("N")[..8];

        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = app.Address.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "office", organisation: null, "office.import");
        await WaitForCircuitAsync(page);
        await page.Locator("nav a[href='/import']").ClickAsync();
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("Spreadsheet import", new() { Timeout = PageLoad });

        var partners = await FilledTemplateAsync(context, page, "#template-csv",
            $"IMP-{tag}-1,ChamberOfCommerce,进口博览商会{tag},Import Expo Chamber {tag}\r\nIMP-{tag}-2,行业协会,虹口数字协会{tag},Hongkou Digital Association {tag}\r\n");
        await UploadAsync(page, "partners.csv", partners);
        await ExpectRowsAsync(page, "#import-rows", "create", 2);
        await Expect(page.Locator("#import-preview [data-count='create'] strong")).ToHaveTextAsync("2");
        await Expect(page.Locator("#import-preview .import-sha256")).ToHaveTextAsync(Sha256(partners));
        await page.Locator("#import-confirm").ClickAsync();
        await Expect(page.Locator("#import-receipt [data-count='create'] strong")).ToHaveTextAsync("2", new() { Timeout = PageLoad });
        await Expect(page.Locator("#import-receipt .import-sha256")).ToHaveTextAsync(Sha256(partners));
        await Expect(page.Locator("#import-recorded")).ToContainTextAsync("import-");

        await page.Locator("#kind-commitments").ClickAsync();
        await Expect(page.Locator("#kind-commitments")).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = PageLoad });
        var commitments = await FilledTemplateAsync(context, page, "#template-csv",
            $"C-{tag}-1,{scenario.Memorandum},{a},ParkIndustrialPolicy,印发园区政策指南{tag},Publish the park policy guide {tag},2027-01-31,2\r\n");
        await UploadAsync(page, "commitments.csv", commitments);
        await ExpectRowsAsync(page, "#import-rows", "create", 1);
        await page.Locator("#import-confirm").ClickAsync();
        await Expect(page.Locator("#import-receipt [data-count='create'] strong")).ToHaveTextAsync("1", new() { Timeout = PageLoad });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "dashboard-import.png"), FullPage = true });

        await page.Locator("nav a[href='/']").ClickAsync();
        await Expect(page.Locator("#partners")).ToContainTextAsync($"Import Expo Chamber {tag}", new() { Timeout = PageLoad });
        await Expect(page.Locator("#partners")).ToContainTextAsync($"Hongkou Digital Association {tag}");
        await page.Locator("nav a[href='/commitments']").ClickAsync();
        await Expect(page.Locator("#commitments")).ToContainTextAsync($"Publish the park policy guide {tag}", new() { Timeout = PageLoad });

        // The same files again, in Chinese: every row unchanged, and confirming writes nothing.
        await page.Locator("nav a[href='/import']").ClickAsync();
        await page.Locator("#lang-zh").ClickAsync();
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("表格导入", new() { Timeout = PageLoad });
        await UploadAsync(page, "partners.csv", partners);
        await ExpectRowsAsync(page, "#import-rows", "unchanged", 2);
        await Expect(page.Locator("#import-rows")).ToContainTextAsync("无变化");
        await Expect(page.Locator("#import-preview [data-count='unchanged'] strong")).ToHaveTextAsync("2");
        await page.Locator("#import-confirm").ClickAsync();
        await Expect(page.Locator("#import-recorded")).ToContainTextAsync("未写入任何数据", new() { Timeout = PageLoad });
        await page.Locator("#kind-commitments").ClickAsync();
        await Expect(page.Locator("#kind-commitments")).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = PageLoad });
        await UploadAsync(page, "commitments.csv", commitments);
        await ExpectRowsAsync(page, "#import-rows", "unchanged", 1);
    }

    [ChromiumFact]
    public async Task a_row_in_error_is_explained_in_the_chosen_language_and_blocks_the_confirmation()
    {
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = app.Address.ToString() });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "office", organisation: null, "office.import");
        await page.GotoAsync("/import", new() { Timeout = PageLoad });
        await WaitForCircuitAsync(page);
        var file = await FilledTemplateAsync(context, page, "#template-csv", $"BAD-{Guid.NewGuid():N},NoSuchKind,,Nameless\r\n");
        await UploadAsync(page, "bad.csv", file);
        await ExpectRowsAsync(page, "#import-rows", "error", 1);
        await Expect(page.Locator("#import-rows li").First).Not.ToBeEmptyAsync();
        var english = await page.Locator("#import-rows li").First.InnerTextAsync();
        await Expect(page.Locator("#import-confirm")).ToBeDisabledAsync();
        await page.Locator("#lang-zh").ClickAsync();
        await Expect(page.Locator("#import-rows li").First).Not.ToHaveTextAsync(english, new() { Timeout = PageLoad });
        (await page.Locator("#import-rows li").First.InnerTextAsync()).Should().MatchRegex(@"\p{IsCJKUnifiedIdeographs}", "the reason is given in Chinese once 中文 is chosen");
    }

    [ChromiumFact]
    public async Task partner_is_refused_the_import_page_and_its_templates()
    {
        var own = await app.RegisterPartnerAsync("虹口区工商联", "Hongkou Federation of Industry and Commerce");
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = app.Address.ToString() });
        var page = await context.NewPageAsync();
        await WaitForSignInChoiceAsync(page, own);
        await SignInAsync(page, "partner", own, "partner.hongkou");
        await WaitForCircuitAsync(page);
        await Expect(page.Locator("nav a[href='/import']")).ToHaveCountAsync(0);

        await page.GotoAsync("/import", new() { Timeout = PageLoad });
        await WaitForCircuitAsync(page);
        await Expect(page.Locator("#not-authorised")).ToBeVisibleAsync(new() { Timeout = PageLoad });
        await Expect(page.Locator("#import-file")).ToHaveCountAsync(0);

        var template = await context.APIRequest.GetAsync("/import/template.csv?kind=partners&lang=en");
        template.Status.Should().Be(403, "the server refuses the template, not just the link");
    }

    /// <summary>The template the page links to, as downloaded with the page's cookie, with <paramref name="rows"/> appended.</summary>
    private static async Task<byte[]> FilledTemplateAsync(IBrowserContext context, IPage page, string link, string rows)
    {
        var href = await page.Locator(link).GetAttributeAsync("href");
        var response = await context.APIRequest.GetAsync(href!);
        response.Status.Should().Be(200);
        var template = await response.BodyAsync();
        Encoding.UTF8.GetString(template).Should().Contain("External reference*");
        return [.. template, .. Encoding.UTF8.GetBytes(rows)];
    }

    private static async Task UploadAsync(IPage page, string name, byte[] content)
    {
        // Files chosen before the circuit's InputFile script has attached to the element would never reach the server.
        await page.WaitForFunctionAsync("() => document.getElementById('import-file')?._blazorInputFileNextFileId !== undefined", null, new() { Timeout = PageLoad });
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
        await Expect(page.Locator("#import-preview")).ToBeVisibleAsync(new() { Timeout = PageLoad });
    }

    private static async Task ExpectRowsAsync(IPage page, string table, string action, int count)
    {
        await Expect(page.Locator($"{table} tbody tr")).ToHaveCountAsync(count, new() { Timeout = PageLoad });
        var actions = await page.Locator($"{table} tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)");
        actions.Should().AllBe(action, "every row is planned as {0}: {1}", action, await page.Locator(table).InnerTextAsync());
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
