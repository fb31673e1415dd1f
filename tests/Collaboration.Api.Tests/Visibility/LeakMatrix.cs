using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Audit;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Visibility;

/// <summary>A value a caller received that the oracle withholds from it.</summary>
public sealed record Violation(string Caller, string Request, SecretKind Kind, string Value)
{
    public override string ToString() => $"{Caller} · {Request} · {Kind} · {Value}";
}

/// <summary>One request of the matrix: the operation it exercises (e.g. <c>GET /api/v1/partners/{id}</c>) and the concrete URL.</summary>
public sealed record MatrixRequest(string Operation, string Url);

public sealed record MatrixResult(
    IReadOnlyList<Violation> Violations,
    IReadOnlyList<string> Uncovered,
    IReadOnlyList<Secret> NeverSeenByOffice,
    IReadOnlyList<string> Operations,
    int Requests,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, int> Answers);

/// <summary>
/// Runs every read path the app offers (every GET in the OpenAPI document with every id of the right kind, the status
/// hub's catch-up and pushes, every dashboard page) as every caller of <see cref="LeakOracle.Callers"/>, and scans each
/// raw response for the values the oracle withholds from that caller. The office runs too, as the positive control:
/// every secret must show up somewhere for it, or the scan could not have found it anywhere.
/// </summary>
public sealed partial class LeakMatrix(LeakScenarioApp app)
{
    private const int Parallelism = 4;

    private const string DevelopmentSignIn = "/signin";

    /// <summary>Values sent for query parameters of these names (each alone), besides the request without them.</summary>
    private static readonly string[] Limits = ["1000", "200", "1"];

    private const int MaxPagesFollowed = 500;

    private readonly ConcurrentBag<Violation> _violations = [];
    private readonly ConcurrentDictionary<Secret, bool> _seenByOffice = new();
    private readonly ConcurrentDictionary<(string Channel, Secret Secret), bool> _seenByOfficeOn = new();
    private readonly ConcurrentBag<string> _notes = [];
    private readonly ConcurrentDictionary<string, int> _answers = new(StringComparer.Ordinal);
    private readonly List<string> _uncovered = [];
    private readonly Dictionary<string, List<string>> _viewKeys = [];
    private int _requests;
    private CancellationTokenSource _stop = new();
    private Func<Violation, bool>? _enough;

    private LeakScenario Scenario => app.Scenario;

    /// <param name="enough">
    /// For the self-check: stop at the first violation this accepts (one is enough to show a rule is load-bearing),
    /// and skip the office's positive control.
    /// </param>
    public async Task<MatrixResult> RunAsync(Func<Violation, bool>? enough = null)
    {
        _stop = new CancellationTokenSource();
        _enough = enough;
        var operations = new List<string>();

        // The hub first: connections listen while the scenario writes more, then the final state is read everywhere else.
        var hub = await RunHubAsync();
        var secrets = Scenario.Secrets;
        var callers = LeakOracle.Callers(Scenario);
        hub(secrets, callers);

        await ReadViewKeysAsync();
        var requests = await ApiRequestsAsync(operations);
        var pages = DashboardPages(operations);
        var portal = PortalPages(operations);
        try
        {
            await RunApiAsync(callers, secrets, requests);
            await RunDashboardAsync(callers, secrets, pages);
            await RunPortalAsync(callers, secrets, portal);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped at the first violation the caller asked for.
        }

        foreach (var channel in _seenByOfficeOn.Keys.Select(k => k.Channel).Distinct())
        {
            _notes.Add($"the office saw {_seenByOfficeOn.Keys.Count(k => k.Channel == channel)} of {secrets.Count} secrets in {channel} responses");
        }

        var neverSeen = enough is not null ? [] : secrets.Where(s => !_seenByOffice.ContainsKey(s)).ToList();
        return new MatrixResult(
            [.. _violations.Distinct().OrderBy(v => v.Request, StringComparer.Ordinal).ThenBy(v => v.Caller, StringComparer.Ordinal).ThenBy(v => v.Kind)],
            [.. _uncovered.Distinct()],
            neverSeen,
            operations,
            _requests,
            [.. _notes.Distinct().Order(StringComparer.Ordinal)],
            new SortedDictionary<string, int>(_answers, StringComparer.Ordinal));
    }

    // ---------------------------------------------------------------- OpenAPI

    private async Task<List<MatrixRequest>> ApiRequestsAsync(List<string> operations)
    {
        using var client = app.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)))!;
        var requests = new List<MatrixRequest>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item?["get"] is not JsonObject get)
            {
                continue;
            }

            var operation = $"GET {path}";
            operations.Add(operation);
            var parameters = (item["parameters"]?.AsArray() ?? []).Concat(get["parameters"]?.AsArray() ?? []).OfType<JsonObject>().ToList();
            var pathParameters = parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList();
            var query = parameters.Where(p => (string?)p["in"] == "query")
                .Select(p => (Name: (string)p["name"]!, Format: (string?)p["schema"]?["format"]))
                .ToList();

            var paths = Bind(path, pathParameters, operation);
            var variants = QueryVariants(query, operation);
            requests.AddRange(paths.SelectMany(concrete => variants.Select(v => new MatrixRequest(operation, v.Length == 0 ? concrete : $"{concrete}?{v}"))));
        }

        return requests;
    }

    /// <summary>Every concrete path for a template, each parameter filled with every scenario id of its kind.</summary>
    private List<string> Bind(string template, IReadOnlyList<string> parameters, string operation)
    {
        var bound = new List<(string Path, string? View)> { (template, null) };
        foreach (var parameter in parameters)
        {
            var placeholder = $"{{{parameter}}}";
            var next = new List<(string Path, string? View)>();
            foreach (var (path, view) in bound)
            {
                var values = parameter == "key" && view is not null ? KeysOf(view) : IdsFor(template, parameter);
                if (values is null)
                {
                    _uncovered.Add($"no ids for parameter {parameter} in operation {operation}");
                    return [];
                }

                next.AddRange(values.Select(v => (path.Replace(placeholder, Uri.EscapeDataString(v), StringComparison.Ordinal), parameter == "view" ? v : view)));
            }

            bound = next;
        }

        return [.. bound.Select(b => b.Path)];
    }

    /// <summary>The ids a path parameter takes: by name, and for <c>id</c> by the collection segment in front of it.</summary>
    private IReadOnlyList<string>? IdsFor(string template, string parameter)
    {
        var segments = template.Split('/');
        var at = Array.FindIndex(segments, s => s.Contains($"{{{parameter}}}", StringComparison.Ordinal));
        var collection = at > 0 ? segments[at - 1] : "";
        IEnumerable<Guid>? ids = parameter switch
        {
            "id" => collection switch
            {
                "partners" => Scenario.Partners,
                "policies" => Scenario.Policies,
                "memoranda" => Scenario.Memoranda,
                "commitments" => Scenario.Commitments,
                "talent-cases" => Scenario.TalentCases,
                "observers" => Scenario.Observers,
                "feedback" => Scenario.Feedback,
                "webhooks" => Scenario.Webhooks,
                _ => null,
            },
            "packageId" => Scenario.Packages,
            "reportId" => Scenario.Reports,
            _ => null,
        };
        if (ids is not null)
        {
            return [.. ids.Select(id => id.ToString())];
        }

        return parameter switch
        {
            "stream" => Scenario.Streams,
            "view" => ReadModelsAsOf.ViewNamesKnown,
            _ => null,
        };
    }

    /// <summary>Every key a read model holds (read as the system, which sees all), the activity feed's newest twenty only.</summary>
    private List<string>? KeysOf(string view) => _viewKeys.GetValueOrDefault(view);

    private async Task ReadViewKeysAsync()
    {
        var queries = app.Services.GetRequiredService<IViewQueries>();
        foreach (var view in ReadModelsAsOf.ViewNamesKnown)
        {
            var keys = (await queries.ListAsync(Caller.System, view)).Select(d => d.Key).Order(StringComparer.Ordinal).ToList();
            _viewKeys[view] = view == ViewNames.Activity ? [.. keys.TakeLast(20)] : keys;
        }
    }

    /// <summary>
    /// The request without query parameters, and each useful one alone: ids of its kind, as-of now, the largest page.
    /// A stream filter is not varied: every stream is read through the per-stream audit endpoints already.
    /// </summary>
    private List<string> QueryVariants(IReadOnlyList<(string Name, string? Format)> query, string operation)
    {
        var variants = new List<string> { "" };
        foreach (var (name, format) in query)
        {
            IEnumerable<string>? values = name switch
            {
                "partner" or "organisation" or "department" when format is "uuid" || name == "organisation" => Scenario.Partners.Select(p => p.ToString()),
                "memorandum" => Scenario.Memoranda.Select(m => m.ToString()),
                "policy" => Scenario.Policies.Select(p => p.ToString()),
                "asOf" => [DateTimeOffset.UtcNow.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture)],
                "limit" => Limits,
                _ => null,
            };
            if (values is null && format == "uuid")
            {
                _uncovered.Add($"no ids for query parameter {name} in operation {operation}");
                continue;
            }

            variants.AddRange((values ?? []).Select(v => $"{name}={Uri.EscapeDataString(v)}"));
        }

        return variants;
    }

    private async Task RunApiAsync(IReadOnlyList<LeakCaller> callers, IReadOnlyList<Secret> secrets, List<MatrixRequest> requests)
    {
        var work = callers
            .Select(caller => (Caller: caller, Withheld: LeakOracle.WithheldFrom(caller, secrets)))
            .Where(c => c.Withheld.Count > 0 || (c.Caller.Kind == CallerKind.Office && _enough is null))
            .Select(c => (c.Caller, c.Withheld, Client: Client(c.Caller)))
            .ToList();
        foreach (var skipped in callers.Where(c => LeakOracle.WithheldFrom(c, secrets).Count == 0 && c.Kind != CallerKind.Office))
        {
            _notes.Add($"{skipped} has nothing withheld; its API responses are not scanned");
        }

        try
        {
            // The office is only the positive control; its query variants (large pages, replays as of now) would add time, not findings.
            var office = requests.Where(r => !r.Url.Contains('?', StringComparison.Ordinal)).ToList();
            var pairs = work.SelectMany(w => (w.Caller.Kind == CallerKind.Office ? office : requests).Select(r => (w.Caller, w.Withheld, w.Client, Request: r)));
            await Parallel.ForEachAsync(pairs, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = _stop.Token }, async (pair, ct) =>
            {
                // A paged list is walked to its end through its next links: a later page must not leak either.
                for (var (url, pages) = (pair.Request.Url, 0); url is not null && pages < MaxPagesFollowed; pages++)
                {
                    using var response = await pair.Client.GetAsync(new Uri(url, UriKind.Relative), ct);
                    var body = await ResponseText.ReadAsync(response, ct);

                    Count(pair.Request.Operation, pair.Caller, (int)response.StatusCode);
                    Scan(pair.Caller, $"GET {url}", body, secrets, pair.Withheld);
                    url = NextLink(response);
                }
            });
        }
        finally
        {
            foreach (var (_, _, client) in work)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>The target of a <c>Link: &lt;…&gt;; rel="next"</c> header, or null.</summary>
    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.Select(l => l.Split(';')).Where(p => p.Length > 1 && p[1].Trim() == "rel=\"next\"").Select(p => p[0].Trim().TrimStart('<').TrimEnd('>')).FirstOrDefault()
            : null;

    private HttpClient Client(LeakCaller caller)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (caller.Token is { } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    // ---------------------------------------------------------------- hub

    /// <summary>
    /// Connects every caller, catches up from 0, lets the scenario write more while they listen, and returns the scan to
    /// run once the final secrets are known (the live writes add secrets of their own).
    /// </summary>
    private async Task<Action<IReadOnlyList<Secret>, IReadOnlyList<LeakCaller>>> RunHubAsync()
    {
        var callers = LeakOracle.Callers(Scenario);
        var received = new ConcurrentBag<(LeakCaller Caller, string Request, string Body)>();
        var connections = new List<HubConnection>();
        try
        {
            foreach (var caller in callers)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(app.Server.BaseAddress, StatusHubContract.Path), options =>
                    {
                        options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                        options.Transports = HttpTransportType.LongPolling;
                        if (caller.Token is { } token)
                        {
                            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                        }
                    })
                    .Build();
                connection.On<JsonElement>(StatusHubContract.ViewChanged, change =>
                    received.Add((caller, $"HUB push {StatusHubContract.ViewChanged}", change.GetRawText())));
                try
                {
                    await connection.StartAsync();
                }
                catch (HttpRequestException e)
                {
                    _notes.Add($"{caller} cannot connect to {StatusHubContract.Path} ({e.StatusCode})");
                    await connection.DisposeAsync();
                    continue;
                }

                connections.Add(connection);
                var caughtUp = await connection.InvokeAsync<JsonElement>(StatusHubContract.CatchUp, 0L);
                received.Add((caller, $"HUB {StatusHubContract.CatchUp}(0)", caughtUp.GetRawText()));
            }

            await Scenario.LiveWritesAsync();
            await Task.Delay(TimeSpan.FromSeconds(1)); // the pushes of the last projected position are sent after its commit
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }

        return (secrets, all) =>
        {
            foreach (var (caller, request, body) in received)
            {
                Count(request, caller, 200);
                Scan(caller, request, body, secrets, LeakOracle.WithheldFrom(caller, secrets));
            }
        };
    }

    // ---------------------------------------------------------------- scanning

    /// <summary>How each operation answered each kind of caller, so a report shows what was really exercised.</summary>
    private void Count(string operation, LeakCaller caller, int status)
    {
        Interlocked.Increment(ref _requests);
        _answers.AddOrUpdate($"{operation} · {caller.Kind} · {status}", 1, (_, n) => n + 1);
    }

    private void Scan(LeakCaller caller, string request, string body, IReadOnlyList<Secret> secrets, IReadOnlyList<Secret> withheld)
    {
        if (caller.Kind == CallerKind.Office)
        {
            var channel = request.Split(' ')[0];
            foreach (var secret in secrets.Where(s => !_seenByOfficeOn.ContainsKey((channel, s))))
            {
                if (Appears(secret, body))
                {
                    _seenByOffice.TryAdd(secret, true);
                    _seenByOfficeOn.TryAdd((channel, secret), true);
                }
            }
        }

        foreach (var secret in withheld)
        {
            if (Appears(secret, body))
            {
                var violation = new Violation(caller.Name, request, secret.Kind, secret.Value);
                _violations.Add(violation);
                if (_enough?.Invoke(violation) == true)
                {
                    _stop.Cancel();
                }
            }
        }
    }

    private static readonly ConcurrentDictionary<Secret, string[]> FormsOf = new();

    /// <summary>The value as written, JSON-escaped, HTML-encoded and URL-encoded; ids also without dashes; case ignored.</summary>
    internal static bool Appears(Secret secret, string body)
    {
        var forms = FormsOf.GetOrAdd(secret, s =>
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                s.Value,
                JavaScriptEncoder.Default.Encode(s.Value),
                HtmlEncoder.Default.Encode(s.Value),
                UrlEncoder.Default.Encode(s.Value),
            };
            if (Guid.TryParse(s.Value, out var id))
            {
                set.Add(id.ToString("N"));
            }

            return [.. set];
        });
        return forms.Any(form => body.Contains(form, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}
