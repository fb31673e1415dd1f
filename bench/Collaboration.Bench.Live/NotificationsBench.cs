using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Bench.Store;
using Collaboration.EventStore;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace Collaboration.Bench.Live;

/// <summary>
/// Issue 16's measure: from the moment an event's HTTP command is acknowledged (2xx read) to the moment (a) the
/// follower's SignalR client receives the inbox push and (b) the SMTP server in this process has accepted the e-mail,
/// at an open-loop rate of talent-case assignments (each one notification to one follower, inbox and e-mail). The
/// ceilings, measured in the same run at the same rate: a bare <c>InboxChanged</c> group send on the same hub and
/// connections, and bare MailKit sends of mails of the same size to the same server over one connection, one at a time.
/// </summary>
public static partial class NotificationsBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var load = LoadAverage();
        Console.WriteLine($"notifications: {Environment.ProcessorCount} cores, load average {load}, {options.Rate} events/s for {options.Seconds} s, {options.Cases} cases, {options.Followers} followers");
        var port = FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var mails = new ConcurrentQueue<(long At, string Data)>();
        smtp.MessageReceived += (_, e) => mails.Enqueue((Stopwatch.GetTimestamp(), e.Message.Data));
        var tokens = new BenchTokens();
        await using var host = await LiveHost.StartAsync(tokens, new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Sender"] = "tracker@bench.example",
            ["Notifications:Smtp:UseStartTls"] = "false",
        });
        Console.WriteLine($"  app on {host.Address}, SMTP server on 127.0.0.1:{port} (both in this process)");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = host.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Office("office.bench"));

        var cases = await OpenCasesAsync(http, options.Cases);
        var signals = new ConcurrentQueue<(int Follower, int Unread, long At)>();
        var connections = new List<HubConnection>();
        for (var f = 0; f < options.Followers; f++)
        {
            var token = tokens.Office($"bench.follower.{f}");
            using var follower = new HttpClient { BaseAddress = host.Address };
            follower.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await SendAsync(follower, HttpMethod.Put, "api/v1/notifications/preferences",
                $$"""{"language":"En","email":"{{Address(f)}}","dailyDigest":false,"channels":[{"channel":"Inbox","enabled":true,"kinds":[]},{"channel":"Email","enabled":true,"kinds":[]}]}""");
            for (var c = f; c < cases.Count; c += options.Followers)
            {
                await SendAsync(follower, HttpMethod.Post, "api/v1/notifications/follows", $$"""{"item":"talent-cases","id":"{{cases[c]}}"}""");
            }

            var index = f;
            connections.Add(await ConnectAsync(host.Address, token, s => signals.Enqueue((index, s.Unread, Stopwatch.GetTimestamp()))));
        }

        await SettleAsync(host);
        var hub = host.App.Services.GetRequiredService<IHubContext<NotificationHub, INotificationClient>>();
        var assignments = new int[cases.Count];
        var acked = new ConcurrentQueue<(int Case, long At)>();
        var failed = 0;
        Task Assign(int seq)
        {
            var c = seq % cases.Count;
            var officer = assignments[c]++ % 2 == 0 ? "officer-a" : "officer-b";
            return Task.Run(async () =>
            {
                using var content = new StringContent($$"""{"department":"bench","officer":"{{officer}}"}""", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri($"api/v1/talent-cases/{cases[c]}/assign", UriKind.Relative), content);
                if (response.IsSuccessStatusCode)
                {
                    acked.Enqueue((c, Stopwatch.GetTimestamp()));
                }
                else if (Interlocked.Increment(ref failed) <= 3)
                {
                    Console.WriteLine($"\n  assignment failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            });
        }

        try
        {
            // Warm-up (not reported): JIT, pools, the SMTP path.
            await OpenLoop.DriveAsync("warm-up", TimeSpan.FromSeconds(60), options.Rate, options.Rate * 2, Assign);
            await DrainAsync(() => mails.Count >= acked.Count, TimeSpan.FromSeconds(60));
            var total = options.Rate * options.Seconds;
            var unreadBefore = Enumerable.Range(0, options.Followers).Select(f => acked.Count(a => a.Case % options.Followers == f)).ToArray();
            acked.Clear();
            mails.Clear();
            signals.Clear();

            var hubCeiling = await HubCeilingAsync(hub, signals, options);
            var smtpCeiling = await SmtpCeilingAsync(port, mails, options);
            mails.Clear();
            signals.Clear();

            var sent = await OpenLoop.DriveAsync($"assignments {options.Rate}/s", TimeSpan.FromSeconds(60), options.Rate, total, Assign);
            await DrainAsync(() => mails.Count >= acked.Count, TimeSpan.FromSeconds(120));
            var inbox = InboxLatencies([.. acked], [.. signals], unreadBefore, options.Followers);
            var email = MailLatencies([.. acked], [.. mails], cases);
            Print(options, load, LoadAverage(), total, failed, sent, inbox, hubCeiling, email, smtpCeiling);
            return failed == 0 && inbox.Count == acked.Count && email.Count == acked.Count ? 0 : 1;
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
            smtp.Stop();
        }
    }

    /// <summary>
    /// Pushes carry the inbox's unread count, not the notification: a follower's k-th acknowledged assignment is in
    /// the first push whose count reaches k (the reactor may fold several into one push).
    /// </summary>
    private static List<double> InboxLatencies(IReadOnlyList<(int Case, long At)> acked, IReadOnlyList<(int Follower, int Unread, long At)> signals, int[] before, int followers)
    {
        var latencies = new List<double>();
        for (var f = 0; f < followers; f++)
        {
            var mine = acked.Where(a => a.Case % followers == f).OrderBy(a => a.At).ToList();
            var pushes = signals.Where(s => s.Follower == f).OrderBy(s => s.At).ToList();
            for (var k = 0; k < mine.Count; k++)
            {
                var push = pushes.FirstOrDefault(s => s.Unread >= before[f] + k + 1);
                if (push.At != 0)
                {
                    latencies.Add(Math.Max(0, Stopwatch.GetElapsedTime(mine[k].At, push.At).TotalMilliseconds));
                }
            }
        }

        latencies.Sort();
        return latencies;
    }

    /// <summary>A case's assignments are one at a time and its mails are sent oldest first: its j-th mail is its j-th assignment's.</summary>
    private static List<double> MailLatencies(IReadOnlyList<(int Case, long At)> acked, IReadOnlyList<(long At, string Data)> mails, IReadOnlyList<Guid> cases)
    {
        var index = cases.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var received = mails
            .Select(m => (m.At, Text: MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))).TextBody ?? string.Empty))
            .Select(m => (m.At, Case: CaseId().Match(m.Text) is { Success: true } match && index.TryGetValue(Guid.Parse(match.Groups[1].Value), out var c) ? c : -1))
            .Where(m => m.Case >= 0)
            .GroupBy(m => m.Case)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.At).Select(m => m.At).ToList());
        var latencies = new List<double>();
        foreach (var group in acked.GroupBy(a => a.Case))
        {
            var times = received.GetValueOrDefault(group.Key) ?? [];
            var ordered = group.OrderBy(a => a.At).ToList();
            for (var j = 0; j < ordered.Count && j < times.Count; j++)
            {
                latencies.Add(Math.Max(0, Stopwatch.GetElapsedTime(ordered[j].At, times[j]).TotalMilliseconds));
            }
        }

        latencies.Sort();
        return latencies;
    }

    /// <summary>A bare InboxChanged to one follower's inbox group, at the same rate, for half the phase.</summary>
    private static async Task<List<double>> HubCeilingAsync(IHubContext<NotificationHub, INotificationClient> hub, ConcurrentQueue<(int Follower, int Unread, long At)> signals, BenchOptions options)
    {
        var total = options.Rate * options.Seconds / 2;
        var sentAt = new long[total];
        await OpenLoop.DriveAsync("ceiling: bare hub send", TimeSpan.FromSeconds(60), options.Rate, total, seq =>
        {
            sentAt[seq] = Stopwatch.GetTimestamp();
            // The unread count names the send (far above any real count), so its receipt is told apart.
            return hub.Clients.Group(NotificationViews.UserInbox("bench.follower.0")).InboxChanged(new InboxSignal(NotificationViews.UserInbox("bench.follower.0"), 1_000_000 + seq));
        });
        await DrainAsync(() => signals.Count(s => s.Unread >= 1_000_000) >= total, TimeSpan.FromSeconds(10));
        var latencies = signals.Where(s => s.Unread >= 1_000_000 && s.Unread - 1_000_000 < total)
            .Select(s => Stopwatch.GetElapsedTime(sentAt[s.Unread - 1_000_000], s.At).TotalMilliseconds).Order().ToList();
        return latencies;
    }

    /// <summary>
    /// Bare MailKit sends of a mail like the tracker's to the same server, over one connection, one at a time (as the
    /// delivery worker sends), mail <c>i</c> due at <c>i / rate</c> seconds, for half the phase; latency from when it
    /// was due to when the server accepted it.
    /// </summary>
    private static async Task<List<double>> SmtpCeilingAsync(int port, ConcurrentQueue<(long At, string Data)> mails, BenchOptions options)
    {
        var total = options.Rate * options.Seconds / 2;
        var dueAt = new long[total];
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        using (var counter = new LiveCounter("ceiling: bare SMTP sends, one connection", total))
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
            for (var seq = 0; seq < total; seq++)
            {
                var due = TimeSpan.FromSeconds((double)seq / options.Rate);
                if (due - clock.Elapsed is { } wait && wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }

                dueAt[seq] = start + (long)(due.TotalSeconds * Stopwatch.Frequency);
                var message = new MimeMessage();
                message.From.Add(new MailboxAddress("Collaboration", "tracker@bench.example"));
                message.To.Add(MailboxAddress.Parse(Address(0)));
                message.Subject = $"[Collaboration] Talent case assigned {seq}";
                message.Headers.Add("X-Bench-Seq", seq.ToString(CultureInfo.InvariantCulture));
                message.Body = new TextPart("plain") { Text = string.Concat(Enumerable.Repeat("Item: Talent case 0193a000-0000-7000-8000-000000000301. ", 8)) };
                await client.SendAsync(message);
                counter.Add(1);
            }

            await client.DisconnectAsync(quit: true);
        }

        await DrainAsync(() => mails.Count >= total, TimeSpan.FromSeconds(30));
        return [.. mails
            .Select(m => (m.At, Seq: BenchSeq().Match(m.Data) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1))
            .Where(m => m.Seq >= 0 && m.Seq < total)
            .Select(m => Math.Max(0, Stopwatch.GetElapsedTime(dueAt[m.Seq], m.At).TotalMilliseconds))
            .Order()];
    }

    private static async Task DrainAsync(Func<bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!done() && clock.Elapsed < timeout)
        {
            await Task.Delay(50);
        }

        await Task.Delay(500);
    }

    private static async Task SettleAsync(LiveHost host) =>
        await host.WaitForNotificationsAsync(await host.App.Services.GetRequiredService<IEventStore>().ReadHeadPositionAsync(), TimeSpan.FromSeconds(60));

    private static async Task<IReadOnlyList<Guid>> OpenCasesAsync(HttpClient http, int count)
    {
        var ids = new Guid[count];
        using var counter = new LiveCounter("opening talent cases", count);
        for (var i = 0; i < count; i++)
        {
            var body = """{"talent":{"person":null,"fullName":"Bench Talent","email":"talent@bench.example","phone":null},"nationality":"RO","category":"ForeignHighEndA","service":"WorkPermit","referredBy":null}""";
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("api/v1/talent-cases", UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Opening a case returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            using var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids[i] = receipt.RootElement.GetProperty("id").GetGuid();
            counter.Add(1);
        }

        return ids;
    }

    private static async Task SendAsync(HttpClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<HubConnection> ConnectAsync(Uri address, string token, Action<InboxSignal> received)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, NotificationHub.Path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        connection.On(nameof(INotificationClient.InboxChanged), received);
        await connection.StartAsync();
        return connection;
    }

    private static void Print(BenchOptions options, string loadBefore, string loadAfter, int total, int failed, TimeSpan sent,
        List<double> inbox, List<double> hub, List<double> email, List<double> smtp)
    {
        Console.WriteLine();
        Console.WriteLine($"Load average (1/5/15 min) before: {loadBefore}, after: {loadAfter}; {total:N0} events in {sent.TotalSeconds:F1} s, {failed} failed");
        Console.WriteLine();
        Console.WriteLine("| Path | Delivered | p50 ms | p95 ms | p99 ms | max ms | Ceiling p50 / p99 ms | Ratio p99 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        void Row(string path, List<double> live, List<double> ceiling) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {path} | {live.Count:N0} / {total:N0} | {P(live, 50):F1} | {P(live, 95):F1} | {P(live, 99):F1} | {P(live, 100):F1} | {P(ceiling, 50):F1} / {P(ceiling, 99):F1} | {P(live, 99) / P(ceiling, 99):F1} |"));
        Row($"event → inbox push, {options.Rate}/s", inbox, hub);
        Row($"event → SMTP accepted, {options.Rate}/s", email, smtp);
    }

    private static double P(List<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Address(int follower) => $"follower{follower}@bench.example";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    [GeneratedRegex(@"Talent case ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial Regex CaseId();

    [GeneratedRegex(@"X-Bench-Seq: (\d+)")]
    private static partial Regex BenchSeq();

    private sealed record BenchOptions(int Seconds, int Rate, int Cases, int Followers)
    {
        public static BenchOptions Parse(string[] args)
        {
            var options = new BenchOptions(10, 100, 100, 10);
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : throw new ArgumentException($"{args[i]} needs a value.");
                options = args[i++] switch
                {
                    "--seconds" => options with { Seconds = Math.Clamp(value, 2, 30) },
                    "--rate" => options with { Rate = Math.Clamp(value, 1, 1_000) },
                    "--cases" => options with { Cases = Math.Clamp(value, 1, 1_000) },
                    "--followers" => options with { Followers = Math.Clamp(value, 1, 100) },
                    var other => throw new ArgumentException($"Unknown option '{other}'."),
                };
            }

            return options;
        }
    }
}
