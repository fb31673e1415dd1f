using System.Diagnostics;
using System.Net;
using System.Text;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Collaboration.Api.Tests.Notifications;

/// <summary>
/// A notification is produced and mailed when its event is committed, not at the reactor's or the delivery worker's
/// next poll: with both polls set to five minutes, a follower's inbox and mailbox still hear of a change in seconds.
/// </summary>
public sealed class WakeUpTests(ApiFollowingTheReadme api) : IClassFixture<ApiFollowingTheReadme>
{
    private const string User = "office.li";
    private const string Address = "li@hongkou.example";

    [Fact]
    public async Task a_committed_change_reaches_the_inbox_and_the_mailbox_without_waiting_for_either_poll()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var proposed = await api.Office().PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(memorandum, memorandum.PartnerA, memorandum.Today.AddDays(30))));
        proposed.StatusCode.Should().Be(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var commitment = await proposed.CreatedIdAsync();
        var user = api.ClientWithToken(TestTokens.Office(User));
        var preferences = await user.PutAsync("/api/v1/notifications/preferences", ApiJson.Body(new
        {
            language = "En", email = Address, dailyDigest = false,
            channels = new[] { new { channel = "Inbox", enabled = true, kinds = Array.Empty<string>() }, new { channel = "Email", enabled = true, kinds = Array.Empty<string>() } },
        }));
        preferences.StatusCode.Should().Be(HttpStatusCode.OK, await preferences.Content.ReadAsStringAsync());
        await user.FollowAsync("commitments", commitment);
        await api.SettledAsync();

        var reactor = api.Services.GetRequiredService<NotificationReactor>();
        var delivery = api.Services.GetRequiredService<NotificationDelivery>();
        var (reactorPoll, deliveryPoll) = (reactor.PollInterval, delivery.PollInterval);
        try
        {
            reactor.PollInterval = delivery.PollInterval = TimeSpan.FromMinutes(5);
            // Both loops finish the wait they are in (at most the old intervals) and then wait five minutes between polls.
            await Task.Delay(reactorPoll + deliveryPoll + TimeSpan.FromMilliseconds(500));

            var clock = Stopwatch.StartNew();
            (await api.Office().PostAsync($"/api/v1/commitments/{commitment}/accept", null)).StatusCode.Should().Be(HttpStatusCode.OK);

            var inbox = await user.InboxWhenAsync(p => p.Kinds().Contains("StatusChanged"));
            inbox.Kinds().Should().Contain("StatusChanged");
            await EventuallyAsync(() => Mails().Any(m => m.Subject == "[Collaboration] Commitment accepted"));
            Mails().Should().ContainSingle(m => m.Subject == "[Collaboration] Commitment accepted");
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the commit wakes the reactor and its outbox wakes the delivery worker");
        }
        finally
        {
            (reactor.PollInterval, delivery.PollInterval) = (reactorPoll, deliveryPoll);
        }
    }

    private List<MimeMessage> Mails() =>
        [.. api.ReceivedMails()
            .Where(m => m.To.Mailboxes.Any(b => b.Address == Address))];

    private static async Task EventuallyAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
