using System.Globalization;
using Collaboration.Browser.Tests.Fixtures;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Collaboration.Browser.Tests.DashboardBrowserTests;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Browser.Tests;

/// <summary>The audit page in a real browser: the log filtered by a stream, an item's timeline, the progress view as of an earlier moment.</summary>
public sealed class AuditPageBrowserTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    private static readonly float PageLoad = 30_000;

    [ChromiumFact]
    public async Task auditor_filters_the_log_opens_a_timeline_and_sees_the_completion_of_an_earlier_moment()
    {
        var a = await app.RegisterPartnerAsync("上海国际商会", "Shanghai International Chamber of Commerce");
        var b = await app.RegisterPartnerAsync("虹口区外商投资企业协会", "Hongkou Association of Foreign-Invested Enterprises");
        var scenario = await ScenarioMemorandum.SignAsync(app, a, "上海国际商会", "Shanghai International Chamber of Commerce", b, "虹口区外商投资企业协会", "Hongkou Association of Foreign-Invested Enterprises");

        // The store stamps events when they are appended: leave a clear gap on both sides of the earlier moment.
        await Task.Delay(1500);
        var earlier = DateTimeOffset.UtcNow;
        await Task.Delay(1500);
        await ApproveFullProgressAsync(scenario.Memorandum, b);

        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = app.Address.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "auditor", organisation: null, "auditor.li");
        await page.GotoAsync("/audit", new() { Timeout = PageLoad });
        await WaitForCircuitAsync(page);
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("Audit trail", new() { Timeout = PageLoad });
        await Expect(page.Locator("#chain-status")).ToContainTextAsync("Chain verified ✓ up to position");
        await Expect(page.Locator("nav a[href='/audit']")).ToBeVisibleAsync();

        var stream = $"memorandum-{scenario.Memorandum}";
        await Input(page, "filter-stream").FillAsync(stream);
        await page.Locator("#filter-apply").ClickAsync();
        var rows = page.Locator("#log-entries tr[data-stream]");
        await Expect(rows).ToHaveCountAsync(4, new() { Timeout = PageLoad });
        await Expect(page.Locator($"#log-entries tr[data-stream='{stream}']")).ToHaveCountAsync(4);
        await Expect(page.Locator("#log-entries")).ToContainTextAsync("memorandum.signed.v1");

        await rows.Last.Locator(".open-timeline").ClickAsync();
        await Expect(page.Locator("#timeline .mud-timeline-item")).ToHaveCountAsync(4, new() { Timeout = PageLoad });
        await Expect(page.Locator("#timeline")).ToContainTextAsync("memorandum.signed.v1");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("→");
        var signing = page.Locator("#timeline .mud-timeline-item").Last;
        await Expect(signing).ToContainTextAsync("SignedMemorandum");
        var shown = await signing.Locator("tr.change").CountAsync();
        await signing.Locator(".show-all-changes").ClickAsync();
        await Expect(signing.Locator(".show-all-changes")).ToHaveCountAsync(0);
        (await signing.Locator("tr.change").CountAsync()).Should().BeGreaterThan(shown, "every change of the step is listed once expanded");

        // Weights 3, 2 and 1: now 60 %, 100 % and 100 % → 80 %; before the last approval 60 %, 75 % and 100 % → 71.7 %.
        await Expect(page.Locator("#asof-completion")).ToHaveTextAsync("80%", new() { Timeout = PageLoad });
        await Input(page, "asof-moment").FillAsync(earlier.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        await page.Locator("#asof-apply").ClickAsync();
        await Expect(page.Locator("#asof-completion")).ToHaveTextAsync("71.7%", new() { Timeout = PageLoad });
        await Expect(page.Locator("#asof-by-focus-area")).ToContainTextAsync("Foreign investment promotion");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "dashboard-audit.png"), FullPage = true });

        await page.Locator("#lang-zh").ClickAsync();
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("审计追溯");
        await Expect(page.Locator("#chain-status")).ToContainTextAsync("哈希链已校验");
        await Expect(page.Locator("#asof-completion")).ToHaveTextAsync("71.7%");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "dashboard-audit-zh.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task partner_is_refused_the_audit_page_and_sees_none_of_the_log()
    {
        var own = await app.RegisterPartnerAsync("虹口区工商联", "Hongkou Federation of Industry and Commerce");
        var other = await app.RegisterPartnerAsync("上海市外商投资协会", "Shanghai Association of Foreign Investment");
        var scenario = await ScenarioMemorandum.SignAsync(app, own, "虹口区工商联", "Hongkou Federation of Industry and Commerce", other, "上海市外商投资协会", "Shanghai Association of Foreign Investment");

        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = app.Address.ToString() });
        var page = await context.NewPageAsync();
        await WaitForSignInChoiceAsync(page, own);
        await SignInAsync(page, "partner", own, "partner.hongkou");
        await WaitForCircuitAsync(page);
        await Expect(page.Locator("nav a[href='/audit']")).ToHaveCountAsync(0);

        await page.GotoAsync("/audit", new() { Timeout = PageLoad });
        await WaitForCircuitAsync(page);
        await Expect(page.Locator("#not-authorised")).ToBeVisibleAsync();
        await Expect(page.Locator("#log-entries")).ToHaveCountAsync(0);
        await Expect(page.Locator("#chain-status")).ToHaveCountAsync(0);
        (await page.ContentAsync()).Should().NotContain(scenario.Memorandum.ToString(), "nothing of the trail reaches a partner's page");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "dashboard-audit-partner.png"), FullPage = true });
    }

    /// <summary>MudBlazor puts an id given to a text field on the input itself or on its wrapper, depending on the version.</summary>
    private static ILocator Input(IPage page, string id) => page.Locator($"input#{id}, #{id} input").First;

    /// <summary>The partner's commitment under the memorandum reaches 100 % approved: a later fact that changes the weighted completion.</summary>
    private async Task ApproveFullProgressAsync(Guid memorandum, Guid owner)
    {
        var store = app.Services.GetRequiredService<IEventStore>();
        var serializer = app.Services.GetRequiredService<EventSerializer>();
        CommitmentProposed? target = null;
        await foreach (var start in store.ReadStreamStartsAsync("commitment-"))
        {
            if (serializer.Deserialize(start) is CommitmentProposed proposed && proposed.Memorandum == MemorandumId.From(memorandum) && proposed.Owner == new PartnerId(owner))
            {
                target = proposed;
            }
        }

        target.Should().NotBeNull("the scenario gives partner B one commitment");
        var stream = CommitmentDecider.StreamName(target!.Commitment);
        var revision = await store.ReadStreamRevisionAsync(stream);
        var report = ProgressReportId.New();
        var on = new DateOnly(2026, 11, 20);
        var at = DateTimeOffset.UtcNow;
        var result = await store.AppendAsync(stream, ExpectedRevision.Exactly(revision!.Value),
        [
            serializer.ToEventToAppend(new CommitmentProgressReported(target.Commitment, report, 100m, new("全部完成", "All four events held"), on, "partner.dev", ActorRole.Partner, at)),
            serializer.ToEventToAppend(new ProgressReportApproved(target.Commitment, report, 100m, on, on, "office.dev", at)),
        ]);
        result.Should().BeOfType<AppendResult.Appended>();
    }
}
