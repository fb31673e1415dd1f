using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Collaboration.Api.Live;
using Collaboration.Bench.Store;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections.Running;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Bench.Live;

/// <summary>
/// End-to-end latency of live status: from the moment an HTTP command's 2xx reaches the caller to the moment a
/// SignalR client receives the changed view, at fixed open-loop command rates and fanned out to many clients. Each
/// command (<c>POST /api/v1/partners/{id}/details</c>) puts a unique marker in the partner's English name, which the
/// <c>partners</c> view (scope public) carries back. A bare group send of a view-sized change on the same hub and
/// connections, with no command or projection behind it, is the baseline every figure is divided by.
/// </summary>
public static class LiveBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = LiveOptions.Parse(args);
        var load = LoadAverage();
        Console.WriteLine($"live: {Environment.ProcessorCount} cores, load average {load}, {options.Seconds} s per phase, {options.Clients} clients for fan-out");
        var tokens = new BenchTokens();
        await using var host = await LiveHost.StartAsync(tokens);
        Console.WriteLine($"  app on {host.Address} (SQLite in a temp folder)");
        var token = tokens.Office("office.bench");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = host.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var partners = await RegisterPartnersAsync(http, options.Partners);
        var runner = host.App.Services.GetRequiredService<ProjectionRunner>();
        await runner.WaitForAsync(host.App.Services.GetRequiredService<SqliteEventStore>().CommittedPosition).WaitAsync(TimeSpan.FromSeconds(60));

        var router = new ChangeRouter();
        var connections = new List<HubConnection> { await ConnectAsync(host.Address, token, router, 0) };
        var hub = host.App.Services.GetRequiredService<IHubContext<StatusHub, IStatusClient>>();
        var results = new List<(string Scenario, double Rate, LatencySummary Live, LatencySummary Baseline)>();
        try
        {
            // Warm-up: JIT, connection pools, SQLite page cache. Not reported.
            await BaselineAsync("warm-up baseline", router, hub, 100, TimeSpan.FromSeconds(2), connections.Count);
            await CommandsAsync("warm-up commands", router, http, partners, 100, TimeSpan.FromSeconds(2), connections.Count);

            foreach (var rate in new[] { 100, 1_000 })
            {
                var phase = TimeSpan.FromSeconds(options.Seconds);
                var baseline = await BaselineAsync($"baseline {rate}/s", router, hub, rate, phase / 2, connections.Count);
                var live = await CommandsAsync($"commands {rate}/s", router, http, partners, rate, phase, connections.Count);
                results.Add(($"1 client, {rate:N0} commands/s", rate, live, baseline));
            }

            Console.WriteLine($"  connecting {options.Clients - 1} more clients...");
            var more = new List<HubConnection>();
            foreach (var chunk in Enumerable.Range(1, options.Clients - 1).Chunk(50))
            {
                more.AddRange(await Task.WhenAll(chunk.Select(client => ConnectAsync(host.Address, token, router, client))));
            }

            connections.AddRange(more);
            var fanRate = options.FanOutRate;
            var fanBaseline = await BaselineAsync($"baseline fan-out {fanRate}/s", router, hub, fanRate, TimeSpan.FromSeconds(options.Seconds) / 2, connections.Count);
            var fanLive = await CommandsAsync($"commands fan-out {fanRate}/s", router, http, partners, fanRate, TimeSpan.FromSeconds(options.Seconds), connections.Count);
            results.Add(($"{connections.Count} clients (last to receive), {fanRate} commands/s", fanRate, fanLive, fanBaseline));
        }
        finally
        {
            router.Current = null;
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }

        Print(results, load, LoadAverage());
        return results.All(r => r.Live.Missing == 0 && r.Live.Failed == 0) ? 0 : 1;
    }

    internal static async Task<LatencySummary> CommandsAsync(
        string label, ChangeRouter router, HttpClient http, IReadOnlyList<Guid> partners, int rate, TimeSpan duration, int receivers)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var recorder = new LatencyRecorder(Guid.NewGuid().ToString("N")[..8], total, receivers);
        router.Current = recorder;
        var picker = new PartnerPicker(partners.Count);
        var sent = await OpenLoop.DriveAsync(label, TimeSpan.FromSeconds(30), rate, total, seq => Task.Run(() => CommandAsync(http, partners, picker, recorder, seq)));
        return await FinishAsync(label, recorder, total, sent);
    }

    private static async Task CommandAsync(HttpClient http, IReadOnlyList<Guid> partners, PartnerPicker picker, LatencyRecorder recorder, int seq)
    {
        var index = picker.Take();
        var marker = $"{recorder.Tag}:{seq}";
        var body = $$"""{"kind":"ChamberOfCommerce","name":{"zh":"基准 {{marker}}","en":"{{marker}}"},"contacts":[]}""";
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri($"api/v1/partners/{partners[index]}/details", UriKind.Relative), content);
            var done = Stopwatch.GetTimestamp();
            if (response.IsSuccessStatusCode)
            {
                using var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                recorder.Acknowledged(seq, index, receipt.RootElement.GetProperty("revision").GetInt64(), done);
            }
            else
            {
                recorder.Failure();
                if (recorder.Failed <= 3)
                {
                    Console.WriteLine($"\n  command {seq} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
        catch (HttpRequestException)
        {
            recorder.Failure();
        }
        catch (TaskCanceledException)
        {
            recorder.Failure();
        }
        finally
        {
            picker.Release(index);
        }
    }

    private static async Task<LatencySummary> BaselineAsync(
        string label, ChangeRouter router, IHubContext<StatusHub, IStatusClient> hub, int rate, TimeSpan duration, int receivers)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var recorder = new LatencyRecorder(Guid.NewGuid().ToString("N")[..8], total, receivers);
        router.Current = recorder;
        var sent = await OpenLoop.DriveAsync(label, TimeSpan.FromSeconds(30), rate, total, seq =>
        {
            // The same shape and size as a partners document, sent to the group the bench's office connections receive
            // a partners change through: office connections are not in "public" (StatusHub.GroupsOf), so a public send
            // reached none of them and left every baseline cell empty.
            var data = JsonSerializer.SerializeToElement(new
            {
                id = Guid.NewGuid(),
                kind = "ChamberOfCommerce",
                name = new { zh = $"基准 {recorder.Tag}:{seq}", en = $"{recorder.Tag}:{seq}" },
                isActive = true,
            });
            var change = new ViewChange(ChangeRouter.BaselineView, $"{recorder.Tag}:{seq}", seq, data);
            // Every send is its own "stream" at revision 0, so only its own receipt covers it.
            recorder.Acknowledged(seq, seq, 0, Stopwatch.GetTimestamp());
            return hub.Clients.Group(StatusHubContract.OfficeGroup).ViewChanged(change);
        });
        return await FinishAsync(label, recorder, total, sent);
    }

    private static async Task<LatencySummary> FinishAsync(string label, LatencyRecorder recorder, int total, TimeSpan sent)
    {
        await recorder.DrainAsync(TimeSpan.FromSeconds(10));
        var summary = recorder.Summarise(total, sent);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: p50 {summary.P(50):F2} ms, p95 {summary.P(95):F2} ms, p99 {summary.P(99):F2} ms, max {summary.Max:F2} ms; {summary.Throughput:N0}/s delivered, {summary.Failed} failed, {summary.Missing} not received, {summary.Early} pushed before the 2xx"));
        return summary;
    }

    internal static async Task<IReadOnlyList<Guid>> RegisterPartnersAsync(HttpClient http, int count)
    {
        var ids = new Guid[count];
        using var counter = new LiveCounter("registering partners", count);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var body = $$"""{"kind":"ChamberOfCommerce","name":{"zh":"基准单位 {{i}}","en":"bench partner {{i}}"},"contacts":[],"externalReference":null}""";
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("api/v1/partners", UriKind.Relative), content, ct);
            if (response.StatusCode != HttpStatusCode.Created || response.Headers.Location is not { } location)
            {
                throw new InvalidOperationException($"Registering a partner returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }

            var text = location.ToString();
            ids[i] = Guid.Parse(text[(text.LastIndexOf('/') + 1)..]);
            counter.Add(1);
        });
        return ids;
    }

    internal static async Task<HubConnection> ConnectAsync(Uri address, string token, ChangeRouter router, int client)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, StatusHubContract.Path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        connection.On<ViewChange>(StatusHubContract.ViewChanged, change => router.Handle(client, change));
        await connection.StartAsync();
        return connection;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Print(List<(string Scenario, double Rate, LatencySummary Live, LatencySummary Baseline)> results, string loadBefore, string loadAfter)
    {
        Console.WriteLine();
        Console.WriteLine($"Load average (1/5/15 min) before: {loadBefore}, after: {loadAfter}");
        Console.WriteLine();
        Console.WriteLine("| Scenario | Commands | p50 ms | p95 ms | p99 ms | max ms | Delivered/s | Baseline p50 / p99 ms | Ratio p50 / p99 | Failed / lost |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (scenario, _, live, baseline) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario} | {live.Issued:N0} | {live.P(50):F2} | {live.P(95):F2} | {live.P(99):F2} | {live.Max:F2} | {live.Throughput:N0} | {baseline.P(50):F2} / {baseline.P(99):F2} | {live.P(50) / baseline.P(50):F1} / {live.P(99) / baseline.P(99):F1} | {live.Failed} / {live.Missing} |"));
        }
    }

    private sealed record LiveOptions(int Seconds, int Clients, int Partners, int FanOutRate)
    {
        public static LiveOptions Parse(string[] args)
        {
            var options = new LiveOptions(10, 500, 500, 20);
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : throw new ArgumentException($"{args[i]} needs a value.");
                options = args[i++] switch
                {
                    "--seconds" => options with { Seconds = Math.Clamp(value, 1, 30) },
                    "--clients" => options with { Clients = Math.Clamp(value, 1, 2_000) },
                    "--partners" => options with { Partners = Math.Clamp(value, 1, 5_000) },
                    "--fan-out-rate" => options with { FanOutRate = Math.Clamp(value, 1, 1_000) },
                    var other => throw new ArgumentException($"Unknown option '{other}'."),
                };
            }

            return options;
        }
    }
}
