using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.OpenApi;

/// <summary>
/// Every 4xx under /api is <c>application/problem+json</c> with a stable <c>code</c> and a message in both languages,
/// whether the endpoint, the JSON reader, routing, authentication or a middleware refused the request.
/// </summary>
public sealed class ProblemResponsesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task a_path_id_that_is_not_a_guid_is_a_404_problem()
    {
        var response = await api.Office().GetAsync("/api/v1/partners/not-an-id");

        await ExpectProblemAsync(response, HttpStatusCode.NotFound, "route.invalid-id");
    }

    [Fact]
    public async Task a_path_id_that_is_not_a_guid_on_a_write_is_a_404_problem()
    {
        var response = await api.Office().PostAsync("/api/v1/talent-cases/-1/reject", ApiJson.Body("""{ "reason": { "zh": "不予受理", "en": "Rejected" } }"""));

        await ExpectProblemAsync(response, HttpStatusCode.NotFound, "route.invalid-id");
    }

    [Fact]
    public async Task the_document_names_the_codes_of_a_404_for_a_path_id()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        var notFound = document["paths"]!["/api/v1/partners/{id}"]!["get"]!["responses"]!["404"]!["description"]!.GetValue<string>();
        notFound.Should().Contain("route.invalid-id").And.Contain("resource.not-found");
        document["paths"]!["/api/v1/partners"]!["post"]!["responses"]!["415"].Should().NotBeNull();
    }

    [Fact]
    public async Task an_id_that_names_nothing_is_a_404_problem()
    {
        var response = await api.Office().GetAsync($"/api/v1/partners/{Guid.NewGuid()}");

        await ExpectProblemAsync(response, HttpStatusCode.NotFound, "resource.not-found");
    }

    [Fact]
    public async Task an_unknown_route_under_api_is_a_404_problem()
    {
        var response = await api.Office().GetAsync("/api/v1/no-such-thing");

        await ExpectProblemAsync(response, HttpStatusCode.NotFound, "route.not-found");
    }

    [Fact]
    public async Task a_body_that_does_not_parse_is_a_400_problem()
    {
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body("""{ "kind": "ChamberOfCommerce", """));

        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
    }

    [Fact]
    public async Task a_body_missing_a_required_property_is_a_400_problem_naming_it()
    {
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body("""{ "kind": "ChamberOfCommerce", "contacts": [] }"""));

        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
        problem.ToJsonString().Should().Contain("name");
    }

    [Fact]
    public async Task a_missing_body_is_a_400_problem()
    {
        var response = await api.Office().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/partners"));

        response.StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType);
        await ExpectProblemAsync(response, response.StatusCode, null);
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_a_415_problem()
    {
        var response = await api.Office().PostAsync("/api/v1/partners", new StringContent("kind=ChamberOfCommerce", Encoding.UTF8, "text/plain"));

        await ExpectProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type");
    }

    [Fact]
    public async Task an_oversized_body_is_a_413_problem()
    {
        var padding = new string('x', 300 * 1024);
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body($$"""{ "kind": "ChamberOfCommerce", "padding": "{{padding}}" }"""));

        await ExpectProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too-large");
    }

    [Fact]
    public async Task a_method_the_address_does_not_support_is_a_405_problem()
    {
        var response = await api.Office().DeleteAsync($"/api/v1/partners/{Guid.NewGuid()}");

        await ExpectProblemAsync(response, HttpStatusCode.MethodNotAllowed, "request.method-not-allowed");
        response.Content.Headers.Allow.Should().Contain("GET");
    }

    [Fact]
    public async Task a_request_without_a_token_is_a_401_problem()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/partners");

        await ExpectProblemAsync(response, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task a_role_the_operation_refuses_is_a_403_problem()
    {
        var response = await api.Observer(Guid.NewGuid()).PostAsync("/api/v1/partners", ApiJson.Body("{}"));

        await ExpectProblemAsync(response, HttpStatusCode.Forbidden, "access.forbidden");
    }

    [Fact]
    public async Task the_problem_is_json_whatever_the_client_accepts()
    {
        var client = api.Office();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await client.GetAsync("/api/v1/partners/not-an-id");

        await ExpectProblemAsync(response, HttpStatusCode.NotFound, "route.invalid-id");
    }

    private const string Nowhere = "0193a000-0000-7000-8000-0000000000ff";

    public static TheoryData<string, string, string?, string?> OddRequests() => new()
    {
        { "GET", "/api/v1/activity?limit=abc", null, null },
        { "GET", "/api/v1/commitments?overdue=maybe", null, null },
        { "GET", "/api/v1/commitments?partner=not-an-id", null, null },
        { "POST", $"/api/v1/talent-cases/{Nowhere}/reject", "null", null },
        { "POST", "/api/v1/partners", "[]", null },
        { "POST", $"/api/v1/partners/{Nowhere}/deactivate", """{ "reason": { "zh": "停用", "en": "Closed" } }""", "garbage" },
        { "POST", $"/api/v1/partners/{Nowhere}/deactivate", """{ "reason": { "zh": "停用", "en": "Closed" }, "extra": 1 }""", null },
        { "GET", "/api/v1/partners/%20", null, null },
        { "GET", $"/api/v1/partners/{Nowhere}/unknown", null, null },
        { "GET", "/api", null, null },
        { "OPTIONS", "/api/v1/partners", null, null },
        { "PUT", "/api/v1/partners", "{}", null },
        { "GET", "/api/v1/audit/streams/no-such-stream/history", null, null },
    };

    [Theory]
    [MemberData(nameof(OddRequests))]
    public async Task an_odd_request_is_refused_with_a_problem(string method, string url, string? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = ApiJson.Body(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await api.Office().SendAsync(request);

        ((int)response.StatusCode).Should().BeInRange(400, 499, await response.Content.ReadAsStringAsync());
        await ExpectProblemAsync(response, response.StatusCode, null);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        problem["status"]!.GetValue<int>().Should().Be((int)status);
        var actualCode = problem["code"]?.GetValue<string>();
        actualCode.Should().NotBeNullOrWhiteSpace(text);
        if (code is not null)
        {
            actualCode.Should().Be(code, text);
        }

        problem["message"]?["zh"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace(text);
        problem["message"]?["en"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace(text);
        problem["message"].Should().NotBeNull(text);
        return problem;
    }
}
