using System.Net;
using System.Net.Http.Headers;
using Collaboration.Api.Modules;

namespace Collaboration.Api.Tests.Portal;

/// <summary>Issue 17 item 1: the open-government portal, anonymous, in both languages, showing only what was published.</summary>
public sealed class PortalPagesTests(ApiWithPublishedDemo api) : IClassFixture<ApiWithPublishedDemo>
{
    private static readonly string Memorandum = DemoData.Memorandum.Value.ToString("D");

    public static TheoryData<string, string> Pages => new()
    {
        { "/open", "zh-CN" },
        { "/open/en", "en" },
        { $"/open/memoranda/{Memorandum}", "zh-CN" },
        { $"/open/en/memoranda/{Memorandum}", "en" },
        { "/open/policies", "zh-CN" },
        { "/open/en/policies", "en" },
        { "/open/answers", "zh-CN" },
        { "/open/en/answers", "en" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task every_page_answers_an_anonymous_caller_with_its_language_and_a_title(string path, string lang)
    {
        using var response = await api.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().StartWith("<!DOCTYPE html>").And.Contain($"<html lang=\"{lang}\">");
        html.Should().MatchRegex("<title>[^<]+</title>");
        System.Text.RegularExpressions.Regex.Match(html, "<title>([^<]+)</title>").Groups[1].Value.Split(" · ")
            .Should().OnlyHaveUniqueItems("a title names the page and the site once each");
        html.Should().NotContain("blazor.web.js", "portal pages are static: no circuit, no script");
    }

    [Fact]
    public async Task the_chinese_home_page_writes_chinese_as_characters_not_entities()
    {
        var html = await api.CreateClient().GetStringAsync(new Uri("/open", UriKind.Relative));

        html.Should().Contain("虹口区政社合作备忘录（2024）");
        System.Text.RegularExpressions.Regex.Matches(html, "&#x([0-9A-Fa-f]+);")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture))
            .Should().NotContain(code => code >= 0x2E80, "CJK characters are written as themselves");
    }

    [Fact]
    public async Task the_published_memorandum_shows_its_parties_and_approved_progress_by_focus_area()
    {
        var html = await api.CreateClient().GetStringAsync(new Uri($"/open/en/memoranda/{Memorandum}", UriKind.Relative));

        html.Should().Contain("Hongkou Government-Society Cooperation Memorandum (2024)");
        html.Should().Contain("Shanghai International Chamber of Commerce").And.Contain("Music Valley Creative Park");
        html.Should().Contain("id=\"progress-by-focus-area\"").And.Contain("High-level talent services");
        html.Should().Contain("aria-label=\"Completion of High-level talent services\"");
        // Commitment 0x64 has a report of 55 % waiting for review: approved figures only, so the park's line reads 0.
        html.Should().NotContain("Progressing as planned.", "report narratives are not part of the public page");
    }

    [Fact]
    public async Task the_policy_catalogue_lists_the_publicity_points_and_where_to_ask_about_each_policy()
    {
        var client = api.CreateClient();

        var en = await client.GetStringAsync(new Uri("/open/en/policies", UriKind.Relative));
        var zh = await client.GetStringAsync(new Uri("/open/policies", UriKind.Relative));

        en.Should().Contain("Foreign-related policy publicity points")
            .And.Contain("North Bund International Passenger Service Center")
            .And.Contain("Anqiu Community, Jiaxing Road Subdistrict")
            .And.Contain("Mon–Fri 9:00–17:00")
            .And.Contain("Ask about it at");
        zh.Should().Contain("涉外政策宣传点").And.Contain("北外滩国际客运服务中心").And.Contain("嘉兴路街道安丘社区");
    }

    [Fact]
    public async Task an_unpublished_memorandum_is_not_found_and_not_listed()
    {
        var client = api.CreateClient();

        using var page = await client.GetAsync(new Uri($"/open/memoranda/{api.UnpublishedMemorandum}", UriKind.Relative));
        var home = await client.GetStringAsync(new Uri("/open/en", UriKind.Relative));
        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));

        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).Should().NotContain(ApiWithPublishedDemo.UnpublishedTitle);
        home.Should().NotContain(ApiWithPublishedDemo.UnpublishedTitle).And.NotContain(api.UnpublishedMemorandum.ToString());
        sitemap.Should().NotContain(api.UnpublishedMemorandum.ToString()).And.Contain(Memorandum);
    }

    [Fact]
    public async Task an_unknown_portal_address_is_the_portal_s_own_404()
    {
        using var response = await api.CreateClient().GetAsync(new Uri("/open/en/no-such-page", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<html lang=\"en\">");
    }

    [Fact]
    public async Task published_answers_are_shown_and_unpublished_ones_are_absent()
    {
        var html = await api.CreateClient().GetStringAsync(new Uri("/open/en/answers", UriKind.Relative));

        html.Should().Contain(ApiWithPublishedDemo.PublishedTopic).And.Contain("An English version is being prepared");
        html.Should().NotContain(ApiWithPublishedDemo.UnpublishedTopic);
        html.Should().NotContain(DemoData.Robert.Value.ToString(), "the observer who wrote is withheld from the public");
    }

    [Fact]
    public async Task the_policy_catalogue_lists_the_published_policies()
    {
        var html = await api.CreateClient().GetStringAsync(new Uri("/open/policies", UriKind.Relative));

        html.Should().Contain("虹口区创业补贴实施办法").And.Contain("创业补贴");
    }

    [Fact]
    public async Task pages_are_cacheable_and_revalidate_with_their_etag()
    {
        var client = api.CreateClient();
        using var first = await client.GetAsync(new Uri("/open/en", UriKind.Relative));
        var etag = first.Headers.ETag;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/open/en");
        again.Headers.IfNoneMatch.Add(etag!);
        using var second = await client.SendAsync(again);
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/open/en");
        changed.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var third = await client.SendAsync(changed);

        first.Headers.CacheControl!.Public.Should().BeTrue();
        first.Headers.CacheControl.MaxAge.Should().BeGreaterThan(TimeSpan.Zero);
        etag.Should().NotBeNull();
        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        third.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
