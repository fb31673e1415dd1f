using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Notifications;

/// <summary>Reads inboxes through the API and waits for the reactor, which runs beside the requests.</summary>
public static class Inboxes
{
    public static async Task<JsonNode> InboxAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/v1/notifications" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static IReadOnlyList<string> Kinds(this JsonNode page) =>
        [.. page["items"]!.AsArray().Select(i => i!["kind"]!.GetValue<string>())];

    /// <summary>Polls until <paramref name="done"/> holds for the caller's inbox (the reactor is asynchronous), then returns it.</summary>
    public static async Task<JsonNode> InboxWhenAsync(this HttpClient client, Func<JsonNode, bool> done, string query = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var page = await client.InboxAsync(query);
            if (done(page) || DateTime.UtcNow > deadline)
            {
                return page;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the reactor has read the whole log, so "nothing arrived" means nothing will.</summary>
    public static async Task SettledAsync(this ApiFactory api)
    {
        var store = api.Services.GetRequiredService<Collaboration.EventStore.IEventStore>();
        var reactor = api.Services.GetRequiredService<Collaboration.Api.Modules.Notifications.NotificationReactor>();
        var head = await store.ReadHeadPositionAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (reactor.Checkpoint < head && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        reactor.Checkpoint.Should().BeGreaterThanOrEqualTo(head, "the notification reactor should catch up with the log");
    }

    public static async Task FollowAsync(this HttpClient client, string item, Guid id, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsync("/api/v1/notifications/follows", ApiJson.Body(new { item, id }));
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
    }
}
