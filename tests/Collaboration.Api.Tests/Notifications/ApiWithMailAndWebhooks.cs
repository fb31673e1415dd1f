using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using netDumbster.smtp;

namespace Collaboration.Api.Tests.Notifications;

/// <summary>
/// The app configured with a real SMTP server (netDumbster, in this process, on loopback) and a real HTTP receiver
/// (Kestrel on loopback) standing in for partner systems: it checks each call's HMAC signature and answers 500 as
/// many times as a test asks before it answers 200.
/// </summary>
public class ApiWithMailAndWebhooks : ApiFactory, IAsyncLifetime
{
    public const string Secret = "partner-webhook-secret-for-tests";

    private readonly int smtpPort = FreePort();
    private WebApplication? receiverApp;

    public ApiWithMailAndWebhooks() => Smtp = SimpleSmtpServer.Start(smtpPort);

    public SimpleSmtpServer Smtp { get; }

    /// <summary>
    /// The mails the SMTP server has received so far, as MIME messages. netDumbster copies its list without a lock, so a
    /// read while a mail arrives can throw (IndexOutOfRangeException seen in CI); the read is simply made again.
    /// </summary>
    public IReadOnlyList<MimeKit.MimeMessage> ReceivedMails()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return [.. Smtp.ReceivedEmail.Select(m => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))];
            }
            catch (Exception e) when (attempt < 20 && e is IndexOutOfRangeException or ArgumentException or InvalidOperationException)
            {
                Thread.Sleep(10);
            }
        }
    }

    public WebhookReceiver Receiver { get; } = new();

    public Uri ReceiverUrl { get; private set; } = default!;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings,
        new("Notifications:Smtp:Host", "127.0.0.1"),
        new("Notifications:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Notifications:Smtp:Sender", "tracker@hongkou.example"),
        new("Notifications:Smtp:UseStartTls", "false"),
        new("Notifications:WebhookAttempts", "3"),
        new("Notifications:WebhookFirstRetryDelay", "00:00:00.050"),
    ];

    /// <summary>Gives a partner registered during the test its webhook (configuration is read when a delivery is made).</summary>
    public void ConfigureWebhook(Guid partner) =>
        Services.GetRequiredService<IOptions<NotificationOptions>>().Value.Webhooks[partner] = new WebhookSettings { Url = new Uri(ReceiverUrl, $"hook/{partner}"), Secret = Secret };

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        receiverApp = builder.Build();
        receiverApp.MapPost("/hook/{partner:guid}", async (Guid partner, HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var signature = http.Request.Headers[WebhookSender.SignatureHeader].ToString();
            var call = new WebhookCall(partner, http.Request.Headers[WebhookSender.DeliveryHeader].ToString(), signature == WebhookSender.Sign(Receiver.SecretOf(partner), body), body);
            return await Receiver.AnswerAsync(call);
        });
        await receiverApp.StartAsync();
        ReceiverUrl = new Uri(receiverApp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Smtp.Stop();
        if (receiverApp is not null)
        {
            await receiverApp.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed record WebhookCall(Guid Partner, string Delivery, bool SignatureValid, byte[] Body);

public sealed class WebhookReceiver
{
    private readonly ConcurrentDictionary<Guid, int> failuresLeft = new();
    private readonly ConcurrentDictionary<Guid, string> secrets = new();
    private readonly ConcurrentDictionary<Guid, int> inFlight = new();
    private readonly ConcurrentDictionary<Guid, Task> held = new();

    public ConcurrentQueue<WebhookCall> Calls { get; } = new();

    /// <summary>The most calls one endpoint had open at the same time.</summary>
    public ConcurrentDictionary<Guid, int> MostAtOnce { get; } = new();

    /// <summary>How long the endpoint takes to answer (to make overlapping calls visible).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The partner's endpoint answers 500 this many times, then 200.</summary>
    public void FailNext(Guid partner, int times) => failuresLeft[partner] = times;

    /// <summary>The partner's endpoint answers nothing until <paramref name="release"/> completes (a hung receiver).</summary>
    public void Hold(Guid partner, Task release) => held[partner] = release;

    /// <summary>The secret the endpoint checks signatures with (by default the configured <see cref="ApiWithMailAndWebhooks.Secret"/>).</summary>
    public void UseSecret(Guid partner, string secret) => secrets[partner] = secret;

    public string SecretOf(Guid partner) => secrets.GetValueOrDefault(partner, ApiWithMailAndWebhooks.Secret);

    public async Task<IResult> AnswerAsync(WebhookCall call)
    {
        var open = inFlight.AddOrUpdate(call.Partner, 1, (_, n) => n + 1);
        MostAtOnce.AddOrUpdate(call.Partner, open, (_, most) => Math.Max(most, open));
        try
        {
            Calls.Enqueue(call);
            if (held.TryGetValue(call.Partner, out var release))
            {
                await release;
            }

            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency);
            }

            if (failuresLeft.TryGetValue(call.Partner, out var left) && left > 0)
            {
                failuresLeft[call.Partner] = left - 1;
                return Results.StatusCode(500);
            }

            return Results.Ok();
        }
        finally
        {
            inFlight.AddOrUpdate(call.Partner, 0, (_, n) => n - 1);
        }
    }

    public IReadOnlyList<WebhookCall> Of(Guid partner) => [.. Calls.Where(c => c.Partner == partner)];
}
