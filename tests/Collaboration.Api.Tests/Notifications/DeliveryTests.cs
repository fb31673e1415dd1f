using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Collaboration.Api.Tests.Notifications;

public sealed class DeliveryTests(ApiWithMailAndWebhooks api) : IClassFixture<ApiWithMailAndWebhooks>
{
    [Fact]
    public async Task followers_receive_the_mail_in_their_own_language_from_a_real_smtp_server()
    {
        var english = api.ClientWithToken(TestTokens.Office("office.english"));
        var chinese = api.ClientWithToken(TestTokens.Office("office.chinese"));
        await SetEmailAsync(english, "En", "english@hongkou.example");
        await SetEmailAsync(chinese, "Zh", "chinese@hongkou.example");
        var @case = await api.OpenCaseAsync();
        await english.FollowAsync("talent-cases", @case);
        await chinese.FollowAsync("talent-cases", @case);

        await EscalateAsync(@case);

        var mails = await MailsToAsync(["english@hongkou.example", "chinese@hongkou.example"]);
        var en = mails["english@hongkou.example"];
        en.Subject.Should().Be("[Collaboration] Talent case escalated");
        en.TextBody.Should().Contain("Item: Talent case " + @case).And.Contain("Beijing time");
        var zh = mails["chinese@hongkou.example"];
        zh.Subject.Should().Be("[政社合作] 人才服务事项已升级督办");
        zh.TextBody.Should().Contain("事项：人才服务事项 " + @case).And.Contain("北京时间");
        zh.Headers[WebhookSender.DeliveryHeader].Should().NotBe(en.Headers[WebhookSender.DeliveryHeader], "each recipient's delivery has its own idempotency id");
        zh.MessageId.Should().Be($"{Guid.Parse(zh.Headers[WebhookSender.DeliveryHeader]!):N}@collaboration.notifications");
    }

    [Fact]
    public async Task a_partner_webhook_is_signed_retried_after_500s_and_logged_per_endpoint()
    {
        var partner = await api.RegisterPartnerAsync();
        api.ConfigureWebhook(partner);
        api.Receiver.FailNext(partner, 2);
        var @case = await api.OpenCaseAsync(referredBy: partner);

        await EscalateAsync(@case);

        var calls = await CallsAsync(partner, 3);
        calls.Should().HaveCount(3);
        calls.Should().OnlyContain(c => c.SignatureValid);
        calls.Select(c => c.Delivery).Distinct().Should().ContainSingle("a retry carries the same idempotency id");
        var body = JsonNode.Parse(calls[0].Body)!;
        body["notification"]!["kind"]!.GetValue<string>().Should().Be("Escalated");
        body["notification"]!["itemId"]!.GetValue<Guid>().Should().Be(@case);

        var log = await LogAsync(partner, 3);
        log.Select(a => a["status"]!.GetValue<int>()).Should().Equal(500, 500, 200);
        (await api.Partner(partner).GetAsync($"/api/v1/notifications/webhook-deliveries?partner={partner}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task after_the_last_try_the_call_is_a_dead_letter_the_office_replays_with_the_same_id()
    {
        var partner = await api.RegisterPartnerAsync();
        api.ConfigureWebhook(partner);
        api.Receiver.FailNext(partner, 3);
        var @case = await api.OpenCaseAsync(referredBy: partner);

        await EscalateAsync(@case);

        (await CallsAsync(partner, 3)).Should().HaveCount(3);
        var dead = await DeadLetterForAsync(partner);
        dead.Should().NotBeNull("the third 500 was the last try");
        dead!["attempts"]!.GetValue<int>().Should().Be(3);
        var id = dead["entry"]!["id"]!.GetValue<Guid>();

        (await api.Office().PostAsync($"/api/v1/notifications/dead-letters/{id}/replay", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var calls = await CallsAsync(partner, 4);
        calls.Should().HaveCount(4);
        calls.Select(c => c.Delivery).Distinct().Should().Equal(id.ToString());
        await EventuallyAsync(async () => await DeadLetterForAsync(partner) is null);
        (await DeadLetterForAsync(partner)).Should().BeNull();
        (await api.Office().PostAsync($"/api/v1/notifications/dead-letters/{Guid.NewGuid()}/replay", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_crash_between_sending_and_recording_sends_again_with_the_same_idempotency_id_and_no_other()
    {
        var partner = await api.RegisterPartnerAsync();
        api.ConfigureWebhook(partner);
        var delivery = api.Services.GetRequiredService<NotificationDelivery>();
        var crashes = 0;
        delivery.CrashAfterSend = e => e.Recipient == $"org:{partner}" && Interlocked.Increment(ref crashes) == 1;
        try
        {
            var @case = await api.OpenCaseAsync(referredBy: partner);
            await EscalateAsync(@case);

            var calls = await CallsAsync(partner, 2);
            await EventuallyAsync(async () => (await LogAsync(partner, 1)).Count >= 1);
            await Task.Delay(500);
            calls = api.Receiver.Of(partner);
            calls.Should().HaveCount(2, "the worker restarted with the entry still in the outbox sends it once more");
            calls.Select(c => c.Delivery).Distinct().Should().ContainSingle();
        }
        finally
        {
            delivery.CrashAfterSend = null;
        }
    }

    [Fact]
    public async Task a_hung_partner_endpoint_holds_up_neither_another_partners_calls_nor_the_mail()
    {
        var hung = await api.RegisterPartnerAsync();
        var healthy = await api.RegisterPartnerAsync();
        api.ConfigureWebhook(hung);
        api.ConfigureWebhook(healthy);
        var follower = api.ClientWithToken(TestTokens.Office("office.lanes"));
        await SetEmailAsync(follower, "En", "lanes@hongkou.example");
        var release = new TaskCompletionSource();
        api.Receiver.Hold(hung, release.Task);
        try
        {
            var first = await api.OpenCaseAsync(referredBy: hung);
            var second = await api.OpenCaseAsync(referredBy: healthy);
            await follower.FollowAsync("talent-cases", second);

            // The hung partner's call is older, so it is first in the outbox's order; it must not stop the others.
            await EscalateAsync(first);
            await EventuallyAsync(() => Task.FromResult(api.Receiver.Of(hung).Count > 0));
            await EscalateAsync(second);

            await CallsAsync(healthy, 1);
            api.Receiver.Of(healthy).Should().ContainSingle("the healthy endpoint is called while the other still hangs");
            (await MailsToAsync(["lanes@hongkou.example"]))["lanes@hongkou.example"].Subject.Should().Be("[Collaboration] Talent case escalated");
            api.Receiver.Of(hung).Should().ContainSingle("the hung call is still waiting for its answer");
        }
        finally
        {
            release.SetResult();
        }

        (await LogAsync(hung, 1))[^1]["status"]!.GetValue<int>().Should().Be(200, "once released, the hung call is answered and logged");
    }

    private async Task SetEmailAsync(HttpClient client, string language, string email)
    {
        var response = await client.PutAsync("/api/v1/notifications/preferences", ApiJson.Body(new
        {
            language, email, dailyDigest = false,
            channels = new[] { new { channel = "Inbox", enabled = true, kinds = Array.Empty<string>() }, new { channel = "Email", enabled = true, kinds = Array.Empty<string>() } },
        }));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task EscalateAsync(Guid @case)
    {
        var response = await api.Office().PostAsync($"/api/v1/talent-cases/{@case}/escalate", ApiJson.Body(new { reason = new { zh = "督办", en = "Escalated" }, level = "BureauLeadership" }));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<Dictionary<string, MimeMessage>> MailsToAsync(IReadOnlyList<string> addresses)
    {
        Dictionary<string, MimeMessage> found = [];
        await EventuallyAsync(() =>
        {
            found = api.ReceivedMails()
                .Where(m => addresses.Contains(m.To.Mailboxes.First().Address))
                .GroupBy(m => m.To.Mailboxes.First().Address)
                .ToDictionary(g => g.Key, g => g.Single());
            return Task.FromResult(found.Count == addresses.Count);
        });
        found.Keys.Should().BeEquivalentTo(addresses);
        return found;
    }

    private async Task<IReadOnlyList<WebhookCall>> CallsAsync(Guid partner, int atLeast)
    {
        await EventuallyAsync(() => Task.FromResult(api.Receiver.Of(partner).Count >= atLeast));
        return api.Receiver.Of(partner);
    }

    private async Task<IReadOnlyList<JsonNode>> LogAsync(Guid partner, int atLeast)
    {
        IReadOnlyList<JsonNode> log = [];
        await EventuallyAsync(async () =>
        {
            log = [.. (await (await api.Office().GetAsync($"/api/v1/notifications/webhook-deliveries?partner={partner}")).ReadJsonAsync()).AsArray().Select(a => a!)];
            return log.Count >= atLeast;
        });
        return log;
    }

    private async Task<JsonNode?> DeadLetterForAsync(Guid partner)
    {
        JsonNode? found = null;
        await EventuallyAsync(async () =>
        {
            var letters = (await (await api.Office().GetAsync("/api/v1/notifications/dead-letters")).ReadJsonAsync()).AsArray();
            found = letters.FirstOrDefault(l => l!["entry"]!["recipient"]!.GetValue<string>() == $"org:{partner}");
            return found is not null;
        }, seconds: 5);
        return found;
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
