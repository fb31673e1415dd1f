using System.Net;
using System.Text;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Api.Live;
using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Hosting;

/// <summary>
/// API replies and read-model documents carry Chinese as UTF-8 text (JsonText.Encoder), as the log does, and still
/// escape what is sensitive in HTML.
/// </summary>
public sealed class JsonTextEncodingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<Guid> RegisterAsync()
    {
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body(new
        {
            kind = "ChamberOfCommerce",
            name = new { zh = "上海国际商会", en = "Shanghai International Chamber of Commerce <SICC>" },
            contacts = Array.Empty<object>(),
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    [Fact]
    public async Task an_api_reply_carries_chinese_as_utf8_and_escapes_html_sensitive_characters()
    {
        var id = await RegisterAsync();

        var response = await api.Office().GetAsync($"/api/v1/partners/{id}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var body = Encoding.UTF8.GetString(bytes);

        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        body.Should().Contain("\"zh\":\"上海国际商会\"").And.NotContain("\\u4E0A");
        body.Should().Contain("\\u003CSICC\\u003E").And.NotContain("<SICC>");
    }

    [Fact]
    public async Task a_stored_view_document_and_the_list_page_built_from_it_carry_chinese_as_utf8()
    {
        var id = await RegisterAsync();
        await api.WaitForViewsAsync(await api.Services.GetRequiredService<IEventStore>().ReadHeadPositionAsync());

        var stored = await api.Services.GetRequiredService<IViewReader>().GetAsync(ViewNames.Partners, id.ToString());
        var list = await (await api.Office().GetAsync("/api/v1/partners?limit=200")).Content.ReadAsStringAsync();

        stored.Should().NotBeNull("the registration is projected once the views reached the head");
        stored!.Json.Should().Contain("上海国际商会").And.NotContain("\\u4E0A");
        list.Should().Contain("上海国际商会").And.NotContain("\\u4E0A");
    }
}
