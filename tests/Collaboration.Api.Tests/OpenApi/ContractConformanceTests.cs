using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Api.Modules;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.OpenApi;

/// <summary>
/// The OpenAPI document as a tested contract. The demo scenario is seeded, then writes over HTTP put items into the
/// states where their nullable fields are set (a deactivated partner, a retired policy, an ended observer term, a
/// returned progress report, an escalated and a rejected case, a suspended memorandum, feedback kept private) while
/// others keep them unset. Every request body sent must match the operation's request schema; every GET operation of
/// the document is then called with the scenario's ids by each role, and every answer — data or problem — must have
/// a documented status, a documented media type, a body valid against the documented schema, and the headers the
/// document requires (an ETag or Location it sends must be documented).
/// </summary>
public sealed class ContractConformanceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Roles = ["office", "auditor", "partner", "observer"];
    private readonly List<string> _violations = [];
    private int _checked;

    [Fact]
    public async Task every_response_of_the_scenario_matches_the_document()
    {
        var contract = new OpenApiContract(JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!);
        await DemoData.SeedAsync(api.Services, CancellationToken.None);
        var ids = await PlayScenarioAsync(contract);
        await api.WaitForViewsAsync(await api.Services.GetRequiredService<IEventStore>().ReadHeadPositionAsync());

        var answered = new HashSet<string>();
        var pagedWalks = 0;
        var gets = contract.Operations().Where(o => o.Method == "GET").ToList();
        gets.Should().NotBeEmpty();
        foreach (var (_, path) in gets)
        {
            foreach (var url in Concrete(path, ids))
            {
                foreach (var role in Roles)
                {
                    var status = await CallAsync(contract, Client(role), HttpMethod.Get, path, url, body: null);
                    if (status is >= 200 and < 300)
                    {
                        answered.Add(path);
                    }

                    if (status == 200 && contract.IsPaged("GET", path))
                    {
                        // Pages of one, to the end through the next links: every page, its Link header and its next link match the document.
                        var (pageStatus, page) = await SendAsync(contract, Client(role), HttpMethod.Get, path, $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}limit=1", body: null);
                        for (var walked = 0; pageStatus == 200 && JsonNode.Parse(page)?["next"]?.GetValue<string>() is { } next && walked < 20; walked++)
                        {
                            pagedWalks++;
                            (pageStatus, page) = await SendAsync(contract, Client(role), HttpMethod.Get, path, next, body: null);
                        }
                    }
                }
            }
        }

        _violations.Should().BeEmpty($"every answer must match the document ({contract.Version}); {_checked} answers checked:\n" + string.Join("\n", _violations));
        pagedWalks.Should().BeGreaterThan(0, "the scenario holds lists longer than a page of one");
        gets.Select(g => g.Path).Should().BeSubsetOf(answered, "the scenario reaches every GET operation with a successful answer at least once");
    }

    [Fact]
    public async Task the_contract_check_catches_undocumented_statuses_media_types_fields_and_shapes()
    {
        var contract = new OpenApiContract(JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!);
        var register = new JsonObject { ["kind"] = "Enterprise", ["name"] = new JsonObject { ["zh"] = "测试公司" }, ["contacts"] = new JsonArray() };
        var id = await CreateAsync(contract, api.Office(), "/api/v1/partners", register);
        var partner = await api.Office().GetStringAsync($"/api/v1/partners/{id}");
        const string path = "/api/v1/partners/{id}";

        contract.CheckResponse("GET", path, 200, "application/json", partner).Should().BeEmpty(partner);
        _violations.Should().BeEmpty();
        contract.CheckResponse("GET", path, 418, "application/json", partner).Should().ContainSingle().Which.Should().Contain("status not documented");
        contract.CheckResponse("GET", path, 200, "text/plain", partner).Should().ContainSingle().Which.Should().Contain("media type");
        contract.CheckResponse("GET", path, 200, "application/json", With(partner, "surprise", 1)).Should().NotBeEmpty("an undocumented field breaks a closed schema");
        contract.CheckResponse("GET", path, 200, "application/json", With(partner, "name", null)).Should().NotBeEmpty("name is not nullable");
        contract.CheckResponse("GET", path, 200, "application/json", With(partner, "kind", "Nope")).Should().NotBeEmpty("kind is an enum");
        contract.CheckResponse("GET", path, 200, "application/json", With(partner, "deactivationReason", "gone")).Should().NotBeEmpty("a reason is bilingual text");
        contract.CheckRequest("POST", "/api/v1/partners", With(register.ToJsonString(), "contacts", null)).Should().NotBeEmpty("contacts are required");
        contract.CheckHeaders("POST", "/api/v1/partners", 201, ["Location", "ETag"]).Should().BeEmpty();
        contract.CheckHeaders("POST", "/api/v1/partners", 201, ["ETag"]).Should().ContainSingle().Which.Should().Contain("Location missing");
        contract.CheckHeaders("GET", path, 200, []).Should().BeEmpty("a read's ETag is optional");
        contract.CheckHeaders("GET", path, 200, ["ETag"]).Should().BeEmpty("a read documents its optional ETag");
        contract.CheckHeaders("GET", "/api/v1/partners", 200, ["Link"]).Should().BeEmpty("a list documents its next link");
        contract.CheckHeaders("GET", "/api/v1/partners", 200, ["ETag"]).Should().ContainSingle().Which.Should().Contain("not documented", "a page is no one item's state");
        contract.CheckResponse("GET", "/api/v1/partners", 200, "application/json", "[]").Should().NotBeEmpty("a list answers a page, not a bare array");
        contract.CheckResponse("GET", "/api/v1/partners", 200, "application/json", """{"items":[],"total":"many","next":null}""").Should().NotBeEmpty("the total is a number");
        contract.CheckHeaders("POST", "/api/v1/partners", 400, ["Location"]).Should().ContainSingle().Which.Should().Contain("not documented");
    }

    private static string With(string json, string property, JsonNode? value)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node[property] = value;
        return node.ToJsonString();
    }

    /// <summary>The writes that set nullable fields on some items; answers and request bodies are checked too.</summary>
    private async Task<Ids> PlayScenarioAsync(OpenApiContract contract)
    {
        var office = api.Office();
        var reason = new JsonObject { ["zh"] = "原因", ["en"] = "Reason" };

        // A missing optional property is null: no externalReference, no English name, a contact with a name only.
        var bare = await CreateAsync(contract, office, "/api/v1/partners",
            new JsonObject { ["kind"] = "IndustryAssociation", ["name"] = new JsonObject { ["zh"] = "虹口区文化创意产业协会" }, ["contacts"] = new JsonArray(new JsonObject { ["name"] = "Liaison" }) });
        var leaving = await CreateAsync(contract, office, "/api/v1/partners",
            new JsonObject { ["kind"] = "Enterprise", ["name"] = new JsonObject { ["zh"] = "某某有限公司", ["en"] = "Some Co., Ltd." }, ["contacts"] = new JsonArray(), ["externalReference"] = "HK-LEAVING" });
        await ActAsync(contract, office, "/api/v1/partners/{id}/deactivate", $"/api/v1/partners/{leaving}/deactivate", new JsonObject { ["reason"] = reason.DeepClone() });

        await ActAsync(contract, office, "/api/v1/policies/{id}/retire", $"/api/v1/policies/{Demo(0x24)}/retire", new JsonObject { ["reason"] = reason.DeepClone() });

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await ActAsync(contract, office, "/api/v1/observers/{id}/end-term", $"/api/v1/observers/{Demo(0xb3)}/end-term",
            new JsonObject { ["endsOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["reason"] = reason.DeepClone() });

        await ActAsync(contract, office, "/api/v1/commitments/{id}/progress-reports/{reportId}/return",
            $"/api/v1/commitments/{Demo(0x64)}/progress-reports/{Demo(0x204)}/return", new JsonObject { ["reason"] = reason.DeepClone() });

        await ActAsync(contract, office, "/api/v1/talent-cases/{id}/escalate", $"/api/v1/talent-cases/{Demo(0x301)}/escalate",
            new JsonObject { ["reason"] = reason.DeepClone(), ["level"] = "BureauLeadership" });
        await ActAsync(contract, office, "/api/v1/talent-cases/{id}/reject", $"/api/v1/talent-cases/{Demo(0x304)}/reject", new JsonObject { ["reason"] = reason.DeepClone() });

        await ActAsync(contract, office, "/api/v1/feedback/{id}/keep-private", $"/api/v1/feedback/{Demo(0xc2)}/keep-private", new JsonObject { ["reason"] = reason.DeepClone() });

        var drafted = await CreateAsync(contract, office, "/api/v1/memoranda", new JsonObject
        {
            ["title"] = new JsonObject { ["zh"] = "第二份备忘录", ["en"] = "A second memorandum" },
            ["purpose"] = new JsonObject { ["zh"] = "试点", ["en"] = "Pilot" },
            ["focusAreas"] = new JsonArray("HighLevelTalentServices"),
            ["termStart"] = "2025-01-01",
            ["termEnd"] = "2026-12-31",
        });
        await ActAsync(contract, office, "/api/v1/memoranda/{id}/suspend", $"/api/v1/memoranda/{Demo(0x40)}/suspend", new JsonObject { ["reason"] = reason.DeepClone() });

        // A partner webhook endpoint, and one rotated and disabled (its optional times set); port 9 refuses at once.
        var hook = new JsonObject { ["partner"] = Demo(0x01), ["url"] = "http://127.0.0.1:9/hooks/collaboration" };
        var webhook = await CreateAsync(contract, office, "/api/v1/notifications/webhooks", hook);
        var retired = await CreateAsync(contract, office, "/api/v1/notifications/webhooks", (JsonObject)hook.DeepClone());
        await ActAsync(contract, office, "/api/v1/notifications/webhooks/{id}/rotate-secret", $"/api/v1/notifications/webhooks/{retired}/rotate-secret", null);
        await ActAsync(contract, office, "/api/v1/notifications/webhooks/{id}/disable", $"/api/v1/notifications/webhooks/{retired}/disable", null);

        return new Ids(bare, leaving, drafted, webhook, retired);
    }

    private async Task<Guid> CreateAsync(OpenApiContract contract, HttpClient client, string path, JsonObject body)
    {
        var response = await SendAsync(contract, client, HttpMethod.Post, path, path, body);
        response.Status.Should().Be(201, response.Body);
        return JsonNode.Parse(response.Body)!["id"]!.GetValue<Guid>();
    }

    private async Task ActAsync(OpenApiContract contract, HttpClient client, string path, string url, JsonObject? body)
    {
        var response = await SendAsync(contract, client, HttpMethod.Post, path, url, body);
        response.Status.Should().Be(200, $"{url}: {response.Body}");
    }

    private async Task<int> CallAsync(OpenApiContract contract, HttpClient client, HttpMethod method, string path, string url, JsonObject? body) =>
        (await SendAsync(contract, client, method, path, url, body)).Status;

    private async Task<(int Status, string Body)> SendAsync(OpenApiContract contract, HttpClient client, HttpMethod method, string path, string url, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            var json = body.ToJsonString();
            _violations.AddRange(contract.CheckRequest(method.Method, path, json));
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        _checked++;
        var headers = response.Headers.Concat(response.Content.Headers).Select(h => h.Key).ToList();
        _violations.AddRange(contract.CheckResponse(method.Method, path, status, response.Content.Headers.ContentType?.MediaType, text)
            .Concat(contract.CheckHeaders(method.Method, path, status, headers))
            .Select(v => $"[{Who(client)}] {url}: {v}"));
        return (status, text);
    }

    /// <summary>The concrete addresses for a path template: each parameter takes every scenario value that fits it.</summary>
    private static IEnumerable<string> Concrete(string path, Ids ids)
    {
        if (path.StartsWith("/api/v1/imports/template", StringComparison.Ordinal))
        {
            // The import templates' kind is a required query parameter.
            return [path + "?kind=partners", path + "?kind=commitments&lang=en"];
        }

        if (path == "/api/v1/notifications/webhook-deliveries")
        {
            // The partner is a required query parameter; a partner without a webhook has an empty log.
            return [path + "?partner=" + Guid.Empty];
        }

        if (path.Contains("{view}", StringComparison.Ordinal) && path.Contains("{key}", StringComparison.Ordinal))
        {
            return ids.ViewDocuments.Select(d => path.Replace("{view}", d.View, StringComparison.Ordinal).Replace("{key}", d.Key, StringComparison.Ordinal));
        }

        IEnumerable<string> urls = [path];
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var start = segment.IndexOf('{', StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            var parameter = segment[start..(segment.IndexOf('}', StringComparison.Ordinal) + 1)];
            var values = ids.For(parameter, segments[i - 1]);
            urls = urls.SelectMany(u => values.Select(v => u.Replace(parameter, v, StringComparison.Ordinal))).ToList();
        }

        return urls;
    }

    private HttpClient Client(string role) => role switch
    {
        "office" => Named(api.Office(), role),
        "auditor" => Named(api.Auditor(), role),
        "partner" => Named(api.Partner(DemoData.Sicc.Value), role),
        _ => Named(api.Observer(DemoData.Robert.Value), role),
    };

    private static HttpClient Named(HttpClient client, string role)
    {
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("conformance", role));
        return client;
    }

    private static string Who(HttpClient client) => client.DefaultRequestHeaders.UserAgent.FirstOrDefault()?.Product?.Version ?? "?";

    private static string Demo(int key) => $"0193a000-0000-7000-8000-{key:x12}";

    /// <summary>The scenario's ids, by the resource a path parameter follows.</summary>
    private sealed record Ids(Guid BarePartner, Guid DeactivatedPartner, Guid DraftMemorandum, Guid Webhook, Guid DisabledWebhook)
    {
        public IReadOnlyList<(string View, string Key)> ViewDocuments =>
        [
            ("talent-case-queue", Demo(0x301)),
            ("partner-portfolio", Demo(0x01)),
            ("feedback-board", Demo(0xc1)),
            ("memorandum-progress", Demo(0x40)),
            ("commitment-detail", Demo(0x64)),
            ("district-overview", "district"),
        ];

        public IReadOnlyList<string> For(string parameter, string resource) => (parameter, resource) switch
        {
            (_, "partners") => [Demo(0x01), Demo(0x00), BarePartner.ToString(), DeactivatedPartner.ToString()],
            (_, "policies") => [Demo(0x20), Demo(0x24)],
            (_, "memoranda") => [Demo(0x40), DraftMemorandum.ToString()],
            (_, "packages") => [Demo(0x51), Demo(0x53)],
            (_, "commitments") => [Demo(0x60), Demo(0x61), Demo(0x64)],
            (_, "talent-cases") => [.. Enumerable.Range(0x300, 6).Select(Demo)],
            (_, "observers") => [Demo(0xb1), Demo(0xb3)],
            (_, "feedback") => [Demo(0xc1), Demo(0xc2), Demo(0xc3)],
            (_, "webhooks") => [Webhook.ToString(), DisabledWebhook.ToString()],
            (_, "streams") =>
            [
                $"partner-{Demo(0x01)}", $"partner-{DeactivatedPartner}", $"policy-{Demo(0x24)}", $"memorandum-{Demo(0x40)}",
                $"commitment-{Demo(0x64)}", $"talent-case-{Demo(0x301)}", $"talent-case-{Demo(0x304)}", $"observer-{Demo(0xb3)}", $"feedback-{Demo(0xc2)}",
            ],
            ("{view}", "views") => ["talent-case-queue", "partner-portfolio", "feedback-board", "district-overview"],
            _ => throw new InvalidOperationException($"The scenario has no value for {parameter} after '{resource}': add one."),
        };
    }
}
