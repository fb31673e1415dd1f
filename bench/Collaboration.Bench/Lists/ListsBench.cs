using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Bench.Lists;

/// <summary>
/// Lists at scale: seeds a log of talent cases and commitments (real events, read models built by the rebuild), starts the
/// real app on it as its own process and measures over HTTP: each list's first page and a page deep into it (p50/p99),
/// the heavy dashboard pages (the server's render of the page, counters included, plus the table's first page), and the
/// process's resident memory against the same app and requests over an empty log; then each dashboard page loaded in
/// headless chromium until interactive with its data shown (<see cref="BrowserPages"/>). <c>/health/live</c> in the same
/// run is the ceiling every page time is put beside.
/// </summary>
public static partial class ListsBench
{
    private const double ListTargetMs = 50;
    private const double PageTargetMs = 1500;
    private const double MemoryTargetMiB = 200;

    private static readonly (string Name, string Url)[] Lists =
    [
        ("talent-cases", "api/v1/talent-cases"),
        ("talent-cases status=Open", "api/v1/talent-cases?status=Open"),
        ("commitments", "api/v1/commitments"),
        ("commitments overdue", "api/v1/commitments?overdue=true"),
        ("commitments status=AtRisk", "api/v1/commitments?status=AtRisk"),
        ("commitments status=OnTrack", "api/v1/commitments?status=OnTrack"),
        ("partners", "api/v1/partners"),
        ("memoranda", "api/v1/memoranda"),
        ("policies", "api/v1/policies"),
        ("observers", "api/v1/observers"),
        ("feedback", "api/v1/feedback"),
    ];

    // The dashboard pages that count or page the large views, with the list request their table sends first and what
    // shows their data in a browser (a table's data cells; NoRecordsContent renders no mud-table-cell).
    private static readonly (string Page, string? FirstData, string Data)[] Pages =
    [
        ("", null, "#kpis [data-kpi]"),
        ("talent-cases", "api/v1/talent-cases?limit=50", "#talent-cases td[data-countdown]"),
        ("commitments", "api/v1/commitments?limit=50", "#commitments tbody td.mud-table-cell"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var cases = Option(args, "--cases", 100_000);
        var commitments = Option(args, "--commitments", 20_000);
        var requests = Option(args, "--requests", 200);
        var appDll = OptionPath(args, "--app");
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "collaboration-bench-lists", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(System.IO.Path.Combine(directory, "seeded"));
        Directory.CreateDirectory(System.IO.Path.Combine(directory, "empty"));
        try
        {
            Console.WriteLine($"load: {(await File.ReadAllTextAsync("/proc/loadavg")).Trim()} on {Environment.ProcessorCount} cores");
            Console.WriteLine($"app: {appDll ?? "this worktree's Release build"}");
            var seeded = System.IO.Path.Combine(directory, "seeded", "collaboration.db");
            var watch = Stopwatch.StartNew();
            if (OptionPath(args, "--log") is { } log)
            {
                // A log seeded by an earlier run (--keep): the same data, without seeding again.
                seeded = log;
                Console.WriteLine($"on the seeded log {log} ({new FileInfo(seeded).Length / 1_048_576:N0} MiB)");
            }
            else
            {
                await ListsSeed.WriteAsync(seeded, cases, commitments, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Console.WriteLine($"seeded {cases:N0} talent cases and {commitments:N0} commitments in {watch.Elapsed.TotalSeconds:F0} s ({new FileInfo(seeded).Length / 1_048_576:N0} MiB)");
            }

            double emptyMiB;
            await using (var empty = await AppProcess.StartAsync(System.IO.Path.Combine(directory, "empty", "collaboration.db"), appDll))
            {
                await empty.WaitUntilSettledAsync(TimeSpan.FromMinutes(2));
                await MeasureAsync(empty, Math.Max(20, requests / 10), print: false);
                emptyMiB = empty.ResidentMiB;
            }

            watch.Restart();
            await using var app = await AppProcess.StartAsync(seeded, appDll);
            Console.WriteLine($"app ready on the seeded log in {watch.Elapsed.TotalSeconds:F1} s, settled (idle) {(await app.WaitUntilSettledAsync(TimeSpan.FromMinutes(10))).TotalSeconds:F0} s later");
            var (worstList, worstPage) = await MeasureAsync(app, requests, print: true);
            var seededMiB = app.ResidentMiB;
            var growth = seededMiB - emptyMiB;
            Console.WriteLine(Invariant($"memory: {seededMiB:F0} MiB resident on the seeded log, {emptyMiB:F0} MiB on an empty log after the same requests: growth {growth:F0} MiB"));
            // After the memory figure: the circuits a browser leaves behind are the same on any log, and the empty app
            // above had none.
            var worstInteractive = await MeasureBrowserAsync(app.Address, Math.Max(5, requests / 10));
            Console.WriteLine(Invariant($"verdict: list page p99 worst {worstList:F1} ms (target <= {ListTargetMs}) {Verdict(worstList <= ListTargetMs)}"));
            Console.WriteLine(Invariant($"verdict: dashboard page render + first page over HTTP worst {worstPage:F0} ms (target <= {PageTargetMs}) {Verdict(worstPage <= PageTargetMs)}"));
            Console.WriteLine(worstInteractive is { } interactive
                ? Invariant($"verdict: dashboard page interactive in chromium worst {interactive:F0} ms (target <= {PageTargetMs}) {Verdict(interactive <= PageTargetMs)}")
                : $"verdict: dashboard page interactive in chromium not measured ({BrowserPages.MissingReason})");
            Console.WriteLine(Invariant($"verdict: memory growth {growth:F0} MiB (target <= {MemoryTargetMiB}) {Verdict(growth <= MemoryTargetMiB)}"));
            if (Option(args, "--hold", 0) is var hold and > 0)
            {
                // Time to look inside the measured process (dotnet-gcdump collect -p PID, /proc/PID/smaps) before it stops.
                Console.WriteLine($"holding the seeded app (pid {app.Id}) for {hold} s");
                await Task.Delay(TimeSpan.FromSeconds(hold));
            }

            return 0;
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }
            else
            {
                Console.WriteLine($"kept {directory}");
            }
        }
    }

    private static async Task<(double WorstListP99, double WorstPage)> MeasureAsync(AppProcess app, int requests, bool print)
    {
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AppProcess.OfficeToken());
        var ceiling = await TimeAsync(http, "health/live", requests);
        if (print)
        {
            Console.WriteLine(Invariant($"ceiling GET /health/live: p50 {ceiling.P50:F2} ms, p99 {ceiling.P99:F2} ms"));
            Console.WriteLine($"{"list",-28} {"total",9} {"first p50",10} {"first p99",10} {"deep at",9} {"deep p50",9} {"deep p99",9}");
        }

        var worst = 0.0;
        foreach (var (name, url) in Lists)
        {
            var first = await TimeAsync(http, url, requests);
            var (total, deepUrl, depth) = await DeepCursorAsync(http, url);
            var deep = deepUrl is null ? first : await TimeAsync(http, deepUrl, requests);
            worst = Math.Max(worst, Math.Max(first.P99, deep.P99));
            if (print)
            {
                Console.WriteLine(Invariant($"{name,-28} {total,9:N0} {first.P50,10:F2} {first.P99,10:F2} {depth,9:N0} {deep.P50,9:F2} {deep.P99,9:F2}"));
            }
        }

        // A partner's portfolio pages and tallies the partner's share of both large views (ADR 0023); an empty log has none.
        if (await FirstIdAsync(http, "api/v1/partners") is { } partner)
        {
            var portfolio = await TimeAsync(http, $"api/v1/partners/{partner}/portfolio", requests);
            worst = Math.Max(worst, portfolio.P99);
            if (print)
            {
                Console.WriteLine(Invariant($"{"partner portfolio",-28} {"",9} {portfolio.P50,10:F2} {portfolio.P99,10:F2}"));
            }
        }

        var dashboard = await SignInAsync(app.Address);
        var worstPage = 0.0;
        foreach (var (page, firstData, _, shown) in await PagesAsync(http))
        {
            var times = new List<double>();
            for (var run = 0; run < Math.Max(5, requests / 10) + 2; run++)
            {
                var start = Stopwatch.GetTimestamp();
                using (var response = await dashboard.GetAsync(new Uri(page, UriKind.Relative)))
                {
                    var html = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK || !html.Contains(shown, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"/{page} answered {(int)response.StatusCode} without the page.");
                    }
                }

                if (firstData is not null)
                {
                    using var data = await http.GetAsync(new Uri(firstData, UriKind.Relative));
                    await data.Content.ReadAsByteArrayAsync();
                }

                if (run >= 2)
                {
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            times.Sort();
            worstPage = Math.Max(worstPage, times[^1]);
            if (print)
            {
                Console.WriteLine(Invariant($"dashboard /{page,-14} render + first page: p50 {Percentile(times, 0.5):F0} ms, max {times[^1]:F0} ms over {times.Count}"));
            }
        }

        return (worst, worstPage);
    }

    /// <summary>
    /// The dashboard pages an office user reads: those above, the activity feed, the feedback board, and where the log has
    /// them a memorandum's and a partner's page (the first of each list: every partner is a party to every memorandum and
    /// owns a tenth of the commitments; the seed's first partner refers a twentieth of the cases). Each with the list
    /// request its table sends first, what a browser shows once its data is there, and an id its server render carries.
    /// </summary>
    private static async Task<List<(string Page, string? FirstData, string Data, string Shown)>> PagesAsync(HttpClient http)
    {
        var pages = Pages.Select(p => (p.Page, p.FirstData, p.Data, "page-title")).ToList();
        pages.Add(("activity", null, "#activity [data-activity]", "page-title"));
        pages.Add(("feedback", null, "#feedback-board", "page-title"));
        if (await FirstIdAsync(http, "api/v1/memoranda") is { } memorandum)
        {
            pages.Add(($"memoranda/{memorandum}", $"api/v1/commitments?memorandum={memorandum}&limit=50", "#commitments td[data-commitment]", "page-title"));
        }

        if (await FirstIdAsync(http, "api/v1/partners") is { } partner)
        {
            pages.Add(($"partners/{partner}", null, "[data-section]", "partner-name"));
        }

        return pages;
    }

    /// <summary>Each page of <see cref="PagesAsync"/> loaded afresh in chromium until interactive with its data shown; the worst time, or null without chromium.</summary>
    private static async Task<double?> MeasureBrowserAsync(Uri address, int runs)
    {
        if (BrowserPages.MissingReason is not null)
        {
            return null;
        }

        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AppProcess.OfficeToken());
        var pages = (await PagesAsync(http)).Select(p => (p.Page, p.Data));
        var worst = 0.0;
        foreach (var (page, times) in await BrowserPages.MeasureAsync(address, pages, runs))
        {
            worst = Math.Max(worst, times[^1]);
            Console.WriteLine(Invariant($"dashboard /{page,-14} interactive in chromium, data shown: p50 {Percentile(times, 0.5):F0} ms, max {times[^1]:F0} ms over {times.Count} loads"));
        }

        return worst;
    }

    private static async Task<string?> FirstIdAsync(HttpClient http, string list)
    {
        using var response = await http.GetAsync(new Uri(list + "?limit=1", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = page.RootElement.GetProperty("items");
        return items.GetArrayLength() > 0 ? items[0].GetProperty("id").GetString() : null;
    }

    /// <summary>Follows the list's next links (200 a page) to about its middle and returns the link there, read 50 at a time.</summary>
    private static async Task<(long Total, string? Url, long Depth)> DeepCursorAsync(HttpClient http, string url)
    {
        var link = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=200";
        long total = 0, depth = 0;
        for (var step = 0; step < 500; step++)
        {
            using var response = await http.GetAsync(new Uri(link, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            total = page.RootElement.GetProperty("total").GetInt64();
            depth += page.RootElement.GetProperty("items").GetArrayLength();
            if (page.RootElement.GetProperty("next").GetString() is not { } next)
            {
                return (total, null, depth);
            }

            link = next.TrimStart('/').Replace("limit=200", "limit=50", StringComparison.Ordinal);
            if (depth >= total / 2)
            {
                return (total, link, depth);
            }

            link = link.Replace("limit=50", "limit=200", StringComparison.Ordinal);
        }

        return (total, link.Replace("limit=200", "limit=50", StringComparison.Ordinal), depth);
    }

    private static async Task<(double P50, double P99)> TimeAsync(HttpClient http, string url, int requests)
    {
        var times = new List<double>(requests);
        for (var i = 0; i < requests + 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
            }

            if (i >= 5)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        times.Sort();
        return (Percentile(times, 0.5), Percentile(times, 0.99));
    }

    /// <summary>The development sign-in as the office (the form's hidden fields, antiforgery included, posted back); a client with the cookie.</summary>
    private static async Task<HttpClient> SignInAsync(Uri address)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var form = await client.GetStringAsync(new Uri("signin", UriKind.Relative));
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Form.Role"] = "office";
        fields["Form.Name"] = "office.bench";
        using var response = await client.PostAsync(new Uri("signin", UriKind.Relative), new FormUrlEncodedContent(fields));
        if ((int)response.StatusCode is not (>= 300 and < 400) and not 200)
        {
            throw new InvalidOperationException($"The development sign-in answered {(int)response.StatusCode}.");
        }

        return client;
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex HiddenInput();

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Verdict(bool met) => met ? "met" : "missed";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? OptionPath(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? System.IO.Path.GetFullPath(args[i + 1]) : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1].Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;
    }
}
