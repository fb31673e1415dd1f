using System.Net;
using System.Xml.Linq;
using Collaboration.Api.Modules;

namespace Collaboration.Api.Tests.Portal;

/// <summary>The portal's Atom feed of published answers and its sitemap: well-formed XML naming the right things.</summary>
public sealed class PortalFeedsTests(ApiWithPublishedDemo api) : IClassFixture<ApiWithPublishedDemo>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Theory]
    [InlineData("/open/answers.atom", "zh-CN")]
    [InlineData("/open/en/answers.atom", "en")]
    public async Task the_answers_feed_is_atom_with_one_entry_per_published_answer(string path, string lang)
    {
        using var response = await api.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/atom+xml");
        response.Headers.ETag.Should().NotBeNull();
        feed.Name.Should().Be(Atom + "feed");
        feed.Attribute(XNamespace.Xml + "lang")!.Value.Should().Be(lang);
        foreach (var required in new[] { "id", "title", "updated" })
        {
            feed.Element(Atom + required).Should().NotBeNull($"an Atom feed needs {required}");
        }

        var entries = feed.Elements(Atom + "entry").ToList();
        entries.Should().ContainSingle("the demo publishes one answer");
        entries[0].Element(Atom + "id")!.Value.Should().Be("urn:uuid:0193a000-0000-7000-8000-0000000000c1");
        DateTimeOffset.Parse(entries[0].Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture).Year.Should().Be(2024);
        entries[0].Element(Atom + "link")!.Attribute("href")!.Value.Should().StartWith("http").And.Contain("answers#answer-");
        entries[0].ToString().Should().NotContain("Bilingual signage");
    }

    [Fact]
    public async Task the_sitemap_lists_every_portal_page_in_both_languages()
    {
        using var response = await api.CreateClient().GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var urlset = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        urlset.Name.Should().Be(Sitemaps + "urlset");
        var locations = urlset.Elements(Sitemaps + "url").Select(u => new Uri(u.Element(Sitemaps + "loc")!.Value).AbsolutePath).ToList();
        locations.Should().Contain(["/open", "/open/en", "/open/policies", "/open/en/policies", "/open/answers", "/open/en/answers",
            $"/open/memoranda/{DemoData.Memorandum}", $"/open/en/memoranda/{DemoData.Memorandum}"]);
        foreach (var location in locations)
        {
            using var page = await api.CreateClient().GetAsync(new Uri(location, UriKind.Relative));
            page.StatusCode.Should().Be(HttpStatusCode.OK, $"{location} is in the sitemap");
        }
    }
}
