using System.Net;
using System.Net.WebSockets;
using System.Text;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Api.Live;
using Collaboration.EventStore;
using Collaboration.Projections.Running;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Hosting;

/// <summary>
/// API replies and read-model documents carry Chinese as UTF-8 text (JsonText.Encoder), as the log does, and still
/// escape what is sensitive in HTML; the status hub's frames carry it as text too.
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

    [Fact]
    public async Task the_status_hubs_frames_carry_chinese_as_utf8()
    {
        var store = api.Services.GetRequiredService<IEventStore>();
        var before = await store.ReadHeadPositionAsync();
        var id = await RegisterAsync();
        await api.WaitForViewsAsync(await store.ReadHeadPositionAsync());

        // A raw WebSocket speaking SignalR's JSON protocol, so that the test reads the frames' text as sent (a hub
        // client would parse the escapes away).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var client = api.Server.CreateWebSocketClient();
        using var socket = await client.ConnectAsync(new Uri($"ws://localhost{StatusHubContract.Path}?access_token={TestTokens.Office()}"), timeout.Token);
        await SendAsync(socket, "{\"protocol\":\"json\",\"version\":1}", timeout.Token);
        (await ReceiveAsync(socket, timeout.Token)).Should().Be("{}", "the handshake is accepted");
        await SendAsync(socket, $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"{StatusHubContract.CatchUp}\",\"arguments\":[{before}]}}", timeout.Token);

        string frame;
        do
        {
            frame = await ReceiveAsync(socket, timeout.Token);
        }
        while (!frame.Contains("\"invocationId\":\"1\"", StringComparison.Ordinal));

        // SignalR writes its frames with a relaxed encoder of its own (HTML-sensitive characters raw, harmless in a
        // frame that no page embeds): the documents' Chinese reaches dashboards as text, as in the API's replies.
        frame.Should().Contain(id.ToString()).And.Contain("上海国际商会").And.NotContain("\\u4E0A");
    }

    private static Task SendAsync(WebSocket socket, string message, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + "\u001e"), WebSocketMessageType.Text, endOfMessage: true, ct);

    // One SignalR message: the text up to the protocol's record separator (a frame here carries one message).
    private static async Task<string> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, ct);
            await message.WriteAsync(buffer.AsMemory(0, result.Count), ct);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray()).TrimEnd('\u001e');
    }
}
