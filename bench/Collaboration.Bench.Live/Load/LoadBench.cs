using System.Diagnostics;
using System.Globalization;
using Collaboration.Api.Live;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections.Running;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Bench.Live.Load;

/// <summary>
/// A day in the district in fast-forward against the real app (in-process Kestrel on a loopback port, fresh SQLite log),
/// over HTTP and SignalR. First closed-loop phases with the same number of connections: the bare ASP.NET ceiling (before
/// and after), <c>POST /api/v1/partners</c>, <c>POST /api/v1/talent-cases</c> and <c>GET</c> of a view; then the dashboards
/// connect and the day's mix (<see cref="DayMix"/>) runs open loop at <c>--rate</c> requests/s for <c>--minutes</c>,
/// measuring every kind's latency, the push latency to a dashboard and the managed heap after warm-up against the end.
/// </summary>
public static class LoadBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = LoadOptions.Parse(args);
        var loadBefore = LoadAverage();
        Console.WriteLine($"load: {Environment.ProcessorCount} cores, load average {loadBefore}; {options.Connections} connections, {options.PhaseSeconds} s phases; day {options.Minutes} min at {options.Rate}/s with {options.Dashboards} dashboards");
        var tokens = new BenchTokens();
        await using var host = await LiveHost.StartAsync(tokens);
        await using var bare = await BareHost.StartAsync();
        Console.WriteLine($"  app on {host.Address}, bare endpoint on {bare.Address}");
        using var http = Client(host.Address, options.Connections);
        using var bareHttp = Client(bare.Address, options.Connections);

        var district = await District.SetUpAsync(http, tokens);
        Console.WriteLine($"  district set up: {district.Partners.Count} partners, memorandum {district.Memorandum} signed, {district.Observers.Count} observers, {district.Commitments.Count} commitments");

        var phase = TimeSpan.FromSeconds(options.PhaseSeconds);
        var bareActor = new LoadActor("bare", bareHttp, "none");
        var bareBody = """{"kind":"ChamberOfCommerce","name":{"zh":"基准","en":"bench"},"contacts":[]}""";
        Task<LoadReply> Bare(int worker, long n) => bareActor.PostRawAsync(BareHost.Path, bareBody, keepBody: false);
        Task<LoadReply> Register(int worker, long n) => district.Office.PostAsync("api/v1/partners", Bodies.Partner("Enterprise", $"基准企业 {n}", $"bench enterprise {n}"), keepBody: false);
        Task<LoadReply> Open(int worker, long n) => district.Office.PostAsync("api/v1/talent-cases", Bodies.TalentCase(n, null), keepBody: false);
        var progress = $"api/v1/memoranda/{district.Memorandum}/progress";
        Task<LoadReply> View(int worker, long n) => district.Office.GetAsync(progress, keepBody: false);
        var someCase = await District.Expect(await district.Office.PostAsync("api/v1/talent-cases", Bodies.TalentCase(0, null)), "open a talent case");
        Task<LoadReply> Case(int worker, long n) => district.Office.GetAsync($"api/v1/talent-cases/{someCase}", keepBody: false);

        // Warm-up (JIT, connection pools, page cache), not reported, the bare requests last and longest: the runtime
        // defers promoting methods to optimised code while others are still being compiled for the first time, so a
        // bare phase right after the app's first requests ran partly unoptimised (its CPU per request up to twice the
        // last phase's). No talent cases are opened here; the JIT-quiet cycles below open some, half a second a cycle.
        var phaseWarmUp = TimeSpan.FromSeconds(2);
        await ClosedLoop.RunAsync("warm-up commands", options.Connections, phaseWarmUp, Register);
        await ClosedLoop.RunAsync("warm-up reads", options.Connections, phaseWarmUp, View);
        await ClosedLoop.RunAsync("warm-up bare", options.Connections, 3 * phaseWarmUp, Bare);
        // A phase starts once the projections and the notification reactor have caught up with the phases before it,
        // so that a phase after a POST phase does not pay for that phase's backlog.
        var store = host.App.Services.GetRequiredService<SqliteEventStore>();
        var runner = host.App.Services.GetRequiredService<ProjectionRunner>();
        async Task<LoopResult> Settled(string label, Func<int, long, Task<LoadReply>> request, TimeSpan? length = null)
        {
            var head = store.CommittedPosition;
            await runner.WaitForAsync(head).WaitAsync(TimeSpan.FromMinutes(5));
            await host.WaitForNotificationsAsync(head, TimeSpan.FromMinutes(5));
            return await ClosedLoop.RunAsync(label, options.Connections, length ?? phase, request);
        }

        // The warm-up's backlog applied, every measured kind goes on in turn until the tiered compiler is done (JitQuiet),
        // the bare requests last.
        await JitQuiet.WaitAsync(
            [
                length => Settled("warm-up until the JIT is quiet: partners", Register, length),
                length => Settled("warm-up until the JIT is quiet: talent cases", Open, length),
                length => Settled("warm-up until the JIT is quiet: talent case", Case, length),
                length => Settled("warm-up until the JIT is quiet: progress", View, length),
                length => Settled("warm-up until the JIT is quiet: bare", Bare, length),
            ],
            TimeSpan.FromSeconds(0.5),
            maxCycles: 20);
        var ceilingBefore = await Settled("bare POST (ceiling, before)", Bare);
        var post = await Settled("POST /api/v1/partners", Register);
        var openCase = await Settled("POST /api/v1/talent-cases", Open);
        var get = await Settled("GET /api/v1/talent-cases/{id}", Case);
        var progressView = await Settled("GET /api/v1/memoranda/{id}/progress", View);
        var ceilingAfter = await Settled("bare POST (ceiling, after)", Bare);
        var ceiling = (ceilingBefore.PerSecond + ceilingAfter.PerSecond) / 2;

        // Let the projections catch up with the closed-loop phases before the day starts.
        await runner.WaitForAsync(store.CommittedPosition).WaitAsync(TimeSpan.FromMinutes(5));

        var push = new PushTracker([ViewNames.TalentCaseQueue, ViewNames.CommitmentDetail, ViewNames.FeedbackBoard, ViewNames.Partners, ViewNames.Memoranda]);
        await using IDashboards dashboards = options.DashboardProcess
            ? await DashboardProcess.StartAsync(host.Address, Dashboards.TokensFor(district, options.Dashboards), push)
            : await Dashboards.ConnectAsync(host.Address, district, options.Dashboards, push);
        Console.WriteLine($"  {dashboards.Count} dashboards connected ({(options.DashboardProcess ? "in a child process" : "in the driver's process")})");
        var stats = new KindStats();
        var day = new DayMix(district, stats, push);
        var random = new Random(20240920);

        // The day's mix, unrecorded, before the day: a server that has been up for hours has compiled and tiered its
        // command, projection and push paths, and its dashboards have been receiving for as long; right after the
        // dashboards connect nothing has been pushed yet. The heap's warm figure is taken here too, so that its forced
        // full collections are not inside the measured day.
        var warmUp = TimeSpan.FromSeconds(Math.Min(60, options.Minutes * 60 / 5));
        Console.WriteLine($"  warm-up: {warmUp.TotalSeconds:F0} s of the day's mix at {options.Rate}/s, not recorded; then the heap after a full collection");
        var (warmSent, _, _) = await RunMixAsync(options, warmUp, 0, random, day, stats, push, dashboards, report: false);
        await WaitForPushesAsync(push);

        var heapWarm = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"  managed heap after warm-up: {heapWarm / 1048576.0:F1} MiB");
        stats.Reset();
        push.Reset();
        var (receivedBefore, bytesBefore) = (dashboards.Received, dashboards.Bytes);
        Console.WriteLine($"  day: {options.Minutes} min at {options.Rate}/s; heap measured after the warm-up and at the end");
        var (sent, elapsed, skipped) = await RunMixAsync(options, TimeSpan.FromMinutes(options.Minutes), warmSent, random, day, stats, push, dashboards, report: true);

        // Measured as after the warm-up: every request answered and its pushes received. Taken before, it counted the
        // pushes still on their way to 200 dashboards (buffers SignalR holds until the connections take them) as growth.
        await WaitForPushesAsync(push);
        var heapEnd = GC.GetTotalMemory(forceFullCollection: true);
        await HoldAsync(options);

        var (pushed, lost) = push.Summarise();
        var loadAfter = LoadAverage();
        Print(options, loadBefore, loadAfter, [ceilingBefore, ceilingAfter, post, openCase, get, progressView], ceiling, stats, elapsed, sent, skipped, pushed, lost, push.Early, dashboards, (dashboards.Received - receivedBefore, dashboards.Bytes - bytesBefore), heapWarm, heapEnd);
        return 0;
    }

    /// <summary>With <c>--hold S</c>, S seconds with nothing sent after the day, so its heap can be dumped from outside.</summary>
    private static async Task HoldAsync(LoadOptions options)
    {
        if (options.HoldSeconds > 0)
        {
            Console.WriteLine($"  holding {options.HoldSeconds} s at the end of the day (pid {Environment.ProcessId}): dotnet-dump collect -p {Environment.ProcessId} --type Heap");
            await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
        }
    }

    /// <summary>Pushes still on their way when a run of the mix ended get five seconds.</summary>
    private static async Task WaitForPushesAsync(PushTracker push)
    {
        for (var wait = 0; wait < 50 && push.Pending > 0; wait++)
        {
            await Task.Delay(100);
        }
    }

    private static HttpClient Client(Uri address, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// Open loop: request <c>i</c> starts at <c>i / rate</c> s whatever earlier ones are doing (at most 2,000 in flight),
    /// numbered from <paramref name="first"/>; returns once the last request was answered (or 30 s passed).
    /// </summary>
    private static async Task<(long Sent, TimeSpan Elapsed, long Skipped)> RunMixAsync(
        LoadOptions options, TimeSpan duration, long first, Random random, DayMix day, KindStats stats, PushTracker push, IDashboards dashboards, bool report)
    {
        var inFlight = 0;
        long sent = 0, skipped = 0;
        var clock = Stopwatch.StartNew();
        var nextReport = TimeSpan.FromSeconds(10);
        var last = (Commands: 0L, Reads: 0L, At: TimeSpan.Zero);
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * options.Rate);
            for (; sent < due; sent++)
            {
                if (Volatile.Read(ref inFlight) >= 2_000)
                {
                    skipped++;
                    continue;
                }

                Interlocked.Increment(ref inFlight);
                var n = first + sent;
                var draw = random.NextDouble();
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await day.RunAsync(n, draw);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                });
            }

            if (report && clock.Elapsed >= nextReport)
            {
                var (commands, reads, failed) = stats.Totals();
                var window = clock.Elapsed - last.At;
                var pushes = push.TakeWindow();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {clock.Elapsed.TotalSeconds,5:F0} s: {(commands - last.Commands) / window.TotalSeconds,6:N0} commands/s, {(reads - last.Reads) / window.TotalSeconds,6:N0} reads/s, push p50/p99 {pushes.Percentile(50):F1}/{pushes.Percentile(99):F1} ms, {Volatile.Read(ref inFlight)} in flight, {failed} failed, {dashboards.Received:N0} received by dashboards, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MiB"));
                last = (commands, reads, clock.Elapsed);
                nextReport += TimeSpan.FromSeconds(10);
            }

            await Task.Delay(2);
        }

        var elapsed = clock.Elapsed;
        for (var wait = 0; wait < 300 && Volatile.Read(ref inFlight) > 0; wait++)
        {
            await Task.Delay(100);
        }

        return (sent, elapsed, skipped);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Print(
        LoadOptions options, string loadBefore, string loadAfter, LoopResult[] loops, double ceiling, KindStats stats, TimeSpan elapsed, long sent, long skipped,
        LatencyHistogram pushed, int lost, int early, IDashboards dashboards, (long Received, long Bytes) day, long heapWarm, long heapEnd)
    {
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        var (commands, reads, failed) = stats.Totals();
        var post = loops[2];
        var get = loops[4];
        var progressView = loops[5];
        var postRatio = post.PerSecond / ceiling;
        var getRatio = get.PerSecond / ceiling;
        var pushP99 = pushed.Percentile(99);
        var growth = heapWarm == 0 ? double.NaN : (double)(heapEnd - heapWarm) / heapWarm;
        Console.WriteLine();
        Console.WriteLine($"Load average (1/5/15 min) before: {loadBefore}, after: {loadAfter}");
        Console.WriteLine();
        Console.WriteLine($"Closed loop, {options.Connections} connections, {options.PhaseSeconds} s each; ceiling = mean of the bare runs = {ceiling:N0}/s");
        Console.WriteLine("| Phase | Per s | Ratio to ceiling | p50 ms | p99 ms | Failed |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var loop in loops)
        {
            Console.WriteLine(F($"| {loop.Label} | {loop.PerSecond:N0} | {loop.PerSecond / ceiling:F2} | {loop.P50:F2} | {loop.P99:F2} | {loop.Failed} |"));
        }

        Console.WriteLine();
        Console.WriteLine(F($"Day: {elapsed.TotalMinutes:F1} min at {options.Rate}/s, {dashboards.Count} dashboards; {commands / elapsed.TotalSeconds:N1} commands/s and {reads / elapsed.TotalSeconds:N1} reads/s answered 2xx, {failed} failed, {skipped} not sent (2,000 in flight)"));
        foreach (var line in stats.Table(elapsed))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine(F($"Push (2xx read -> change received by an office dashboard): {pushed.Count:N0} commands, p50 {pushed.Percentile(50):F2} ms, p99 {pushP99:F2} ms, max {pushed.Max:F2} ms, {early} pushed before the 2xx, {lost} never received; {day.Received:N0} changes received by all dashboards in the day, {day.Bytes / 1048576.0:N1} MiB of documents ({(day.Received == 0 ? 0 : day.Bytes / (double)day.Received):N0} B per change)"));
        Console.WriteLine(F($"Managed heap (after a full collection): {heapWarm / 1048576.0:F1} MiB after warm-up, {heapEnd / 1048576.0:F1} MiB at the end ({growth:P1})"));
        Console.WriteLine();
        Console.WriteLine(F($"target POST /api/v1/partners >= 0.35 of the ceiling, p99 <= 25 ms: {postRatio:F2}, p99 {post.P99:F2} ms -> {(postRatio >= 0.35 && post.P99 <= 25 ? "met" : "missed")}"));
        Console.WriteLine(F($"target GET of a view >= 0.5 of the ceiling: talent case {getRatio:F2} -> {(getRatio >= 0.5 ? "met" : "missed")}; memorandum progress {progressView.PerSecond / ceiling:F2} -> {(progressView.PerSecond / ceiling >= 0.5 ? "met" : "missed")}"));
        Console.WriteLine(F($"target push p99 <= 50 ms with {dashboards.Count} dashboards: {pushP99:F2} ms, {lost} lost -> {(pushP99 > 50 || lost > 0 ? "missed" : dashboards.Count < 200 ? "not judged (< 200 dashboards)" : "met")}"));
        Console.WriteLine(F($"target managed heap flat after warm-up (growth <= 10 %) over {elapsed.TotalMinutes:F1} min: {growth:P1} -> {(growth <= 0.10 && elapsed.TotalMinutes >= 10 ? "met" : elapsed.TotalMinutes < 10 ? "not judged (run < 10 min)" : "missed")}"));
    }
}
