using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Api.Tests.Visibility;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Reliability.Fuzz;

/// <summary>
/// Sends <paramref name="requests"/> fuzzed requests, one at a time, drawn with a fixed seed from every operation of the
/// app's OpenAPI document, as every caller of the leak matrix and with bad tokens, and checks each answer against three
/// oracles: no 5xx; a rejected request (4xx) leaves the log's head where it was; the body holds nothing the visibility
/// oracle (<see cref="LeakOracle"/>) withholds from that caller, unless the request itself carried it.
/// </summary>
public sealed class FuzzCampaign(LeakScenarioApp app, int seed, int requests)
{
    private static readonly string[] Views =
        ["memorandum-progress", "commitment-detail", "talent-case-queue", "feedback-board", "partners", "policies", "memoranda", "observers", "activity", "overview"];

    public async Task<FuzzReport> RunAsync()
    {
        var random = new Random(seed);
        var scenario = app.Scenario;
        var store = app.Services.GetRequiredService<IEventStore>();
        using var reader = app.Office();
        var document = JsonNode.Parse(await reader.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)))!;
        var operations = FuzzOperation.All(document);
        IReadOnlyList<Guid> ids =
        [
            .. scenario.Partners, .. scenario.Policies, .. scenario.Memoranda, .. scenario.Packages, .. scenario.Commitments,
            .. scenario.Reports, .. scenario.TalentCases, .. scenario.Observers, .. scenario.Feedback, scenario.DraftMemorandum,
        ];
        var bodies = new FuzzBodies(document, random, ids);
        var callers = LeakOracle.Callers(scenario);
        var anonymous = callers.Single(c => c.Kind == CallerKind.Anonymous);
        var clients = callers.ToDictionary(c => c.Name, c => c.Token is null ? app.CreateClient() : app.ClientWithToken(c.Token));
        var statuses = new Dictionary<int, int>();
        var serverErrors = new List<string>();
        var stateChanges = new List<string>();
        var leaks = new List<string>();
        var accepted = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < requests; i++)
            {
                // Every operation equally often, in a seeded order.
                var operation = operations[random.Next(operations.Count)];
                var (caller, client, tokenName) = PickCaller(random, callers, anonymous, clients, app);
                using var request = Build(random, operation, bodies, ids, scenario);
                var sent = request.RequestUri!.OriginalString + (request.Content is null ? "" : await request.Content.ReadAsStringAsync());
                var label = $"#{i} {operation} as {tokenName}: {Shorten(request.Method + " " + request.RequestUri)}";

                var before = await store.ReadHeadPositionAsync();
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var after = await store.ReadHeadPositionAsync();

                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500)
                {
                    serverErrors.Add($"{label} → {status} {Shorten(body)}");
                }
                else if (status >= 400 && after != before)
                {
                    stateChanges.Add($"{label} → {status} moved the head {before} → {after}");
                }
                else if (status < 300 && operation.Method != HttpMethod.Get)
                {
                    accepted++;
                }

                foreach (var secret in LeakOracle.WithheldFrom(caller, scenario.Secrets))
                {
                    if (LeakMatrix.Appears(secret, body) && !LeakMatrix.Appears(secret, sent))
                    {
                        leaks.Add($"{label} → {status} carries {secret.Kind} {secret.Value}");
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        return new FuzzReport(seed, requests, operations.Count, statuses, accepted, serverErrors, stateChanges, leaks, clock.Elapsed);
    }

    /// <summary>Two in three requests carry a real caller's token, the rest a token that must get nothing.</summary>
    private static (LeakCaller Caller, HttpClient Client, string Name) PickCaller(
        Random random, IReadOnlyList<LeakCaller> callers, LeakCaller anonymous, Dictionary<string, HttpClient> clients, LeakScenarioApp app)
    {
        if (random.Next(3) > 0)
        {
            var caller = random.Pick(callers);
            return (caller, clients[caller.Name], caller.Name);
        }

        var (name, token) = random.Pick(FuzzTokens.Bad);
        if (!clients.TryGetValue(name, out var client))
        {
            client = app.CreateClient();
            if (token is not null)
            {
                client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {token}");
            }

            clients[name] = client;
        }

        return (anonymous, client, name);
    }

    private static HttpRequestMessage Build(Random random, FuzzOperation operation, FuzzBodies bodies, IReadOnlyList<Guid> ids, LeakScenario scenario)
    {
        var path = operation.Path;
        foreach (var name in operation.PathParameters)
        {
            path = path.Replace($"{{{name}}}", FuzzValues.Escape(PathValue(random, name, ids, scenario)), StringComparison.Ordinal);
        }

        var query = operation.QueryParameters.Where(_ => random.Next(3) == 0)
            .Select(q => $"{q}={FuzzValues.Escape(random.Next(2) == 0 ? random.Pick(FuzzValues.Numbers) : random.PickString(200).Replace("\0", "", StringComparison.Ordinal))}")
            .ToList();
        var request = new HttpRequestMessage(operation.Method, query.Count == 0 ? path : $"{path}?{string.Join('&', query)}");
        if (operation.Method == HttpMethod.Get || operation.Method == HttpMethod.Delete)
        {
            return request;
        }

        request.Content = random.Next(10) switch
        {
            0 => new StringContent(bodies.Plausible(operation.BodySchema), Encoding.UTF8, "text/plain"),
            1 => new ByteArrayContent(FuzzValues.NotUtf8) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            2 => new StringContent(random.Pick(FuzzValues.Texts), Encoding.UTF8, "application/json"),
            3 => new ByteArrayContent([]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            4 => new StringContent(bodies.Plausible(operation.BodySchema), Encoding.UTF8, "application/json"),
            _ => new StringContent(bodies.Mutated(operation.BodySchema), Encoding.UTF8, "application/json"),
        };
        if (random.Next(8) == 0)
        {
            request.Headers.TryAddWithoutValidation("If-Match", random.Pick(["\"-1\"", "\"99999999999999999999\"", "\"abc\"", "*", "W/\"1\""]));
        }

        if (random.Next(8) == 0)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", random.PickString(300));
        }

        return request;
    }

    /// <summary>Mostly a real id (of any organisation, any kind), otherwise an odd value; named parameters get their own pools.</summary>
    private static string PathValue(Random random, string name, IReadOnlyList<Guid> ids, LeakScenario scenario)
    {
        if (random.Next(3) == 0)
        {
            // A NUL in the path never reaches an app: servers refuse the request line (the test host throws).
            return random.PickString(300).Replace("\0", "", StringComparison.Ordinal);
        }

        return name switch
        {
            "stream" => random.Pick(scenario.Streams),
            "view" => random.Pick(Views),
            _ => random.Pick(ids).ToString(),
        };
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
