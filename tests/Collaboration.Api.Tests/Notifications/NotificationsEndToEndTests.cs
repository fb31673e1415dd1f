using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Kernel;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Collaboration.Api.Tests.Notifications;

/// <summary>
/// Issue 16's "done when", as the README tells it: e-mail configured (<c>Notifications:Smtp</c>), the office registers
/// the owning partner's webhook, a user sets their e-mail preferences and follows a commitment; when its status
/// changes and when its deadline passes with nothing recorded, the user's bell is pushed and their inbox, their
/// mailbox and the partner's endpoint each hear of it once.
/// </summary>
public sealed class NotificationsEndToEndTests(ApiFollowingTheReadme api) : IClassFixture<ApiFollowingTheReadme>
{
    private const string User = "office.wang";
    private const string Address = "wang@hongkou.example";

    [Fact]
    public async Task a_follower_hears_of_a_status_change_and_of_the_passed_deadline_in_the_dashboard_by_mail_and_through_the_partners_webhook()
    {
        var memorandum = await api.SignedMemorandumAsync();
        var owner = memorandum.PartnerA;
        var due = memorandum.Today.AddDays(20);
        var proposed = await api.Office().PostAsync("/api/v1/commitments", ApiJson.Body(ScenarioCommitments.ProposeBody(memorandum, owner, due)));
        proposed.StatusCode.Should().Be(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var commitment = await proposed.CreatedIdAsync();

        var registered = await api.Office().PostAsync("/api/v1/notifications/webhooks", ApiJson.Body(new { partner = owner, url = new Uri(api.ReceiverUrl, $"hook/{owner}") }));
        registered.StatusCode.Should().Be(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        api.Receiver.UseSecret(owner, (await registered.ReadJsonAsync())["secret"]!.GetValue<string>());

        var user = api.ClientWithToken(TestTokens.Office(User));
        var preferences = await user.PutAsync("/api/v1/notifications/preferences", ApiJson.Body(new
        {
            language = "En", email = Address, dailyDigest = false,
            channels = new[] { new { channel = "Inbox", enabled = true, kinds = Array.Empty<string>() }, new { channel = "Email", enabled = true, kinds = Array.Empty<string>() } },
        }));
        preferences.StatusCode.Should().Be(HttpStatusCode.OK, await preferences.Content.ReadAsStringAsync());
        await user.FollowAsync("commitments", commitment);
        await using var bell = await BellAsync(TestTokens.Office(User));
        await api.SettledAsync();

        (await api.Office().PostAsync($"/api/v1/commitments/{commitment}/accept", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        await HeardAsync(user, bell, owner, commitment, "StatusChanged", "Commitment accepted", unread: 1);

        // The deadline passes while nothing is recorded: the clock alone tells.
        await MoveToAsync(due.AddDays(1));

        await HeardAsync(user, bell, owner, commitment, "CommitmentOverdue", $"Commitment overdue (due {due:yyyy-MM-dd})", unread: 2);
        (await user.InboxAsync()).Kinds().Should().Equal("CommitmentOverdue", "StatusChanged");
        (await api.Partner(owner).InboxAsync()).Kinds().Should().Equal(["CommitmentOverdue", "StatusChanged"], "the owner's users hear of it without following");

        // Once each: a later clock check and the delivery worker's next rounds add nothing.
        await MoveToAsync(due.AddDays(2));
        await api.SettledAsync();
        await Task.Delay(500);
        Mails().Should().HaveCount(2);
        api.Receiver.Of(owner).Should().HaveCount(2);
        (await user.InboxAsync()).Kinds().Should().HaveCount(2);
    }

    private async Task HeardAsync(HttpClient user, Bell bell, Guid owner, Guid commitment, string kind, string title, int unread)
    {
        var inbox = await user.InboxWhenAsync(p => p.Kinds().Contains(kind));
        var item = inbox["items"]!.AsArray().Single(i => i!["kind"]!.GetValue<string>() == kind)!;
        item["title"]!["en"]!.GetValue<string>().Should().Be(title);
        item["itemId"]!.GetValue<Guid>().Should().Be(commitment);
        inbox["unread"]!.GetValue<int>().Should().Be(unread);

        await EventuallyAsync(() => bell.Signals.Contains(new InboxSignal(NotificationViews.UserInbox(User), unread)));
        bell.Signals.Should().Contain(new InboxSignal(NotificationViews.UserInbox(User), unread), "the dashboard's bell is pushed the new count");

        await EventuallyAsync(() => Mails().Any(m => m.Subject == "[Collaboration] " + title));
        var mail = Mails().Should().ContainSingle(m => m.Subject == "[Collaboration] " + title).Subject;
        mail.TextBody.Should().Contain(commitment.ToString());

        await EventuallyAsync(() => CallsOf(owner, kind).Count > 0);
        var call = CallsOf(owner, kind).Should().ContainSingle().Subject;
        call.SignatureValid.Should().BeTrue("the call is signed with the secret the office was given");
        var body = JsonNode.Parse(call.Body)!;
        body["partner"]!.GetValue<Guid>().Should().Be(owner);
        body["notification"]!["itemId"]!.GetValue<Guid>().Should().Be(commitment);
    }

    private List<WebhookCall> CallsOf(Guid partner, string kind) =>
        [.. api.Receiver.Of(partner).Where(c => JsonNode.Parse(c.Body)!["notification"]!["kind"]!.GetValue<string>() == kind)];

    private List<MimeMessage> Mails() =>
        [.. api.ReceivedMails()
            .Where(m => m.To.Mailboxes.Any(b => b.Address == Address))];

    private async Task MoveToAsync(DateOnly day)
    {
        var moment = DistrictTime.FromDistrictClock(day.ToDateTime(new TimeOnly(10, 0)));
        api.Clock.SetUtcNow(moment);
        var reactor = api.Services.GetRequiredService<NotificationReactor>();
        await EventuallyAsync(() => reactor.LastClock == moment);
        reactor.LastClock.Should().Be(moment, "the reactor checks the deadlines once the district's date changes");
    }

    private static async Task EventuallyAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private async Task<Bell> BellAsync(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server.BaseAddress, NotificationHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var bell = new Bell(connection);
        connection.On<InboxSignal>(nameof(INotificationClient.InboxChanged), s => bell.Signals.Enqueue(s));
        await connection.StartAsync();
        return bell;
    }

    private sealed class Bell(HubConnection connection) : IAsyncDisposable
    {
        public ConcurrentQueue<InboxSignal> Signals { get; } = new();

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
