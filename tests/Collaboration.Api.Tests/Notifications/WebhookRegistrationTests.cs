using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Notifications;

/// <summary>Partner webhook endpoints registered, rotated, disabled and listed through the API, without a redeploy.</summary>
public sealed class WebhookRegistrationTests(ApiWithMailAndWebhooks api) : IClassFixture<ApiWithMailAndWebhooks>
{
    [Fact]
    public async Task a_registered_endpoints_calls_are_signed_with_the_secret_shown_once_which_the_log_and_the_lists_never_hold()
    {
        var partner = await api.RegisterPartnerAsync();
        var (webhook, secret, response) = await RegisterAsync(partner);
        response.Headers.Location!.ToString().Should().Be($"/api/v1/notifications/webhooks/{webhook}");
        secret.Should().HaveLength(43, "a 256-bit key in base64url");

        var listed = await ListedAsync(partner, 1);
        listed.Should().ContainSingle();
        listed[0]!["id"]!.GetValue<Guid>().Should().Be(webhook);
        listed[0]!["enabled"]!.GetValue<bool>().Should().BeTrue();
        (await api.Office().GetStringAsync("/api/v1/notifications/webhooks")).Should().NotContain(secret);
        (await api.Office().GetStringAsync($"/api/v1/notifications/webhooks/{webhook}")).Should().NotContain(secret).And.Contain(partner.ToString());

        var @case = await api.OpenCaseAsync(referredBy: partner);
        await EscalateAsync(@case);

        var call = (await CallsAsync(partner, 1)).Single();
        call.SignatureValid.Should().BeTrue();
        var log = await DeliveriesAsync(webhook, 1);
        log.Select(a => a["status"]!.GetValue<int>()).Should().Equal(200);
        log[0]["delivery"]!.GetValue<Guid>().ToString().Should().Be(call.Delivery);

        // What an auditor sees: the registration as an event, the secret nowhere in the log.
        var audit = await api.Auditor().GetStringAsync($"/api/v1/audit/events?stream=webhook-{webhook}");
        audit.Should().Contain("notification.webhook-registered.v1").And.NotContain(secret);
        var store = api.Services.GetRequiredService<IEventStore>();
        await foreach (var recorded in store.ReadAllAsync(0, int.MaxValue))
        {
            Encoding.UTF8.GetString(recorded.Data.Span).Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task rotating_the_secret_signs_later_calls_with_the_new_one_only()
    {
        var partner = await api.RegisterPartnerAsync();
        var (webhook, old, _) = await RegisterAsync(partner);

        var rotated = await api.Office().PostAsync($"/api/v1/notifications/webhooks/{webhook}/rotate-secret", null);
        rotated.StatusCode.Should().Be(HttpStatusCode.OK, await rotated.Content.ReadAsStringAsync());
        var secret = (await rotated.ReadJsonAsync())["secret"]!.GetValue<string>();
        secret.Should().NotBe(old);
        api.Receiver.UseSecret(partner, old);

        await EscalateAsync(await api.OpenCaseAsync(referredBy: partner));

        (await CallsAsync(partner, 1)).Single().SignatureValid.Should().BeFalse("the old secret was destroyed with the rotation");
        api.Receiver.UseSecret(partner, secret);
        await EscalateAsync(await api.OpenCaseAsync(referredBy: partner));
        (await CallsAsync(partner, 2))[1].SignatureValid.Should().BeTrue();
        (await api.Office().GetStringAsync($"/api/v1/notifications/webhooks/{webhook}")).Should().Contain("secretRotatedAt");
    }

    [Fact]
    public async Task a_disabled_endpoint_is_called_no_more_and_its_secret_cannot_be_rotated()
    {
        var partner = await api.RegisterPartnerAsync();
        var (webhook, _, _) = await RegisterAsync(partner);
        var disabled = await api.Office().PostAsync($"/api/v1/notifications/webhooks/{webhook}/disable", null);
        disabled.StatusCode.Should().Be(HttpStatusCode.OK, await disabled.Content.ReadAsStringAsync());
        (await api.Office().PostAsync($"/api/v1/notifications/webhooks/{webhook}/disable", null)).StatusCode.Should().Be(HttpStatusCode.OK, "disabling twice changes nothing");

        await EscalateAsync(await api.OpenCaseAsync(referredBy: partner));
        await api.SettledAsync();
        await Task.Delay(500);

        api.Receiver.Of(partner).Should().BeEmpty();
        var listed = await ListedAsync(partner, 1, l => l[0]!["enabled"]!.GetValue<bool>() == false);
        listed[0]!["disabledAt"].Should().NotBeNull();
        var rotate = await api.Office().PostAsync($"/api/v1/notifications/webhooks/{webhook}/rotate-secret", null);
        rotate.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, await rotate.Content.ReadAsStringAsync());
        rotate.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task a_registered_endpoints_last_failure_is_a_dead_letter_replayed_to_it_with_the_same_id()
    {
        var partner = await api.RegisterPartnerAsync();
        var (webhook, _, _) = await RegisterAsync(partner);
        api.Receiver.FailNext(partner, 3);

        await EscalateAsync(await api.OpenCaseAsync(referredBy: partner));

        (await CallsAsync(partner, 3)).Should().HaveCount(3);
        JsonNode? dead = null;
        await EventuallyAsync(async () =>
        {
            dead = (await (await api.Office().GetAsync("/api/v1/notifications/dead-letters")).ReadJsonAsync()).AsArray()
                .FirstOrDefault(l => l!["entry"]!["webhook"]?.GetValue<Guid>() == webhook);
            return dead is not null;
        });
        dead.Should().NotBeNull();
        var id = dead!["entry"]!["id"]!.GetValue<Guid>();

        (await api.Office().PostAsync($"/api/v1/notifications/dead-letters/{id}/replay", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var calls = await CallsAsync(partner, 4);
        calls.Select(c => c.Delivery).Distinct().Should().Equal(id.ToString());
        (await DeliveriesAsync(webhook, 4)).Select(a => a["status"]!.GetValue<int>()).Should().Equal(500, 500, 500, 200);
    }

    [Fact]
    public async Task deliveries_to_one_endpoint_go_one_at_a_time_in_the_order_of_the_log()
    {
        var partner = await api.RegisterPartnerAsync();
        await RegisterAsync(partner);
        var cases = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            cases.Add(await api.OpenCaseAsync(referredBy: partner));
        }

        api.Receiver.Latency = TimeSpan.FromMilliseconds(100);
        api.Receiver.FailNext(partner, 1);
        try
        {
            foreach (var @case in cases)
            {
                await EscalateAsync(@case);
            }

            var calls = await CallsAsync(partner, cases.Count + 1);
            var firstArrivals = calls.GroupBy(c => c.Delivery).Select(g => JsonNode.Parse(g.First().Body)!["notification"]!).ToList();
            firstArrivals.Select(n => n["itemId"]!.GetValue<Guid>()).Should().Equal(cases, "the escalations happened in this order");
            firstArrivals.Select(n => n["position"]!.GetValue<long>()).Should().BeInAscendingOrder();
            calls[0].Delivery.Should().Be(calls[1].Delivery, "the failed first call is retried before the next delivery starts");
            api.Receiver.MostAtOnce[partner].Should().Be(1, "calls to one endpoint never overlap");
        }
        finally
        {
            api.Receiver.Latency = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task only_the_office_manages_webhooks_and_bad_input_is_a_problem()
    {
        var partner = await api.RegisterPartnerAsync();
        var asPartner = await api.Partner(partner).PostAsync("/api/v1/notifications/webhooks", ApiJson.Body(new { partner, url = "https://partner.example/hook" }));
        asPartner.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.Partner(partner).GetAsync("/api/v1/notifications/webhooks")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await api.Auditor().GetAsync("/api/v1/notifications/webhooks")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (new { partner, url = "ftp://partner.example/hook" }, "url"),
                     (new { partner, url = "not a url" }, "url"),
                     (new { partner, url = "https://user:pw@partner.example/hook" }, "url"),
                     (new { partner = (Guid?)null, url = "https://partner.example/hook" }, "partner"),
                     (new { partner = Guid.NewGuid(), url = "https://partner.example/hook" }, "partner"),
                 })
        {
            var response = await api.Office().PostAsync("/api/v1/notifications/webhooks", ApiJson.Body(body));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await response.ReadJsonAsync())["errors"]![field].Should().NotBeNull();
        }

        var unknown = Guid.NewGuid();
        (await api.Office().GetAsync($"/api/v1/notifications/webhooks/{unknown}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.Office().GetAsync($"/api/v1/notifications/webhooks/{unknown}/deliveries")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.Office().PostAsync($"/api/v1/notifications/webhooks/{unknown}/rotate-secret", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.Office().PostAsync($"/api/v1/notifications/webhooks/{unknown}/disable", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<(Guid Webhook, string Secret, HttpResponseMessage Response)> RegisterAsync(Guid partner)
    {
        var response = await api.Office().PostAsync("/api/v1/notifications/webhooks", ApiJson.Body(new { partner, url = new Uri(api.ReceiverUrl, $"hook/{partner}") }));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        var secret = body["secret"]!.GetValue<string>();
        api.Receiver.UseSecret(partner, secret);
        return (body["id"]!.GetValue<Guid>(), secret, response);
    }

    private async Task<JsonArray> ListedAsync(Guid partner, int atLeast, Func<JsonArray, bool>? done = null)
    {
        JsonArray listed = [];
        await EventuallyAsync(async () =>
        {
            listed = (await (await api.Office().GetAsync($"/api/v1/notifications/webhooks?partner={partner}")).ReadJsonAsync()).AsArray();
            return listed.Count >= atLeast && (done is null || done(listed));
        });
        return listed;
    }

    private async Task<IReadOnlyList<JsonNode>> DeliveriesAsync(Guid webhook, int atLeast)
    {
        IReadOnlyList<JsonNode> log = [];
        await EventuallyAsync(async () =>
        {
            log = [.. (await (await api.Office().GetAsync($"/api/v1/notifications/webhooks/{webhook}/deliveries")).ReadJsonAsync()).AsArray().Select(a => a!)];
            return log.Count >= atLeast;
        });
        return log;
    }

    private async Task<IReadOnlyList<WebhookCall>> CallsAsync(Guid partner, int atLeast)
    {
        await EventuallyAsync(() => Task.FromResult(api.Receiver.Of(partner).Count >= atLeast));
        return api.Receiver.Of(partner);
    }

    private async Task EscalateAsync(Guid @case)
    {
        var response = await api.Office().PostAsync($"/api/v1/talent-cases/{@case}/escalate", ApiJson.Body(new { reason = new { zh = "督办", en = "Escalated" }, level = "BureauLeadership" }));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task EventuallyAsync(Func<Task<bool>> done, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
