using System.Text.Json.Nodes;
using Collaboration.Api.Tests.Authorization;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Collaboration.Api.Tests.OpenApi;

/// <summary>The Swagger document is valid OpenAPI, lists every endpoint, and documents what a client needs.</summary>
public sealed class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<string> DocumentAsync()
    {
        var response = await api.CreateClient().GetAsync("/swagger/v1/swagger.json");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task document_parses_without_errors()
    {
        var result = OpenApiDocument.Parse(await DocumentAsync(), "json", new OpenApiReaderSettings());

        result.Diagnostic!.Errors.Should().BeEmpty();
        result.Document!.Paths.Should().NotBeEmpty();
    }

    [Fact]
    public async Task every_endpoint_is_in_the_document_with_a_summary_and_its_problem_responses()
    {
        var document = JsonNode.Parse(await DocumentAsync())!;
        foreach (var endpoint in ApiEndpoints.List)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.Route, @"\{([^:}]+)(:[^}]+)?\}", "{$1}");
            var operation = document["paths"]?[path]?[endpoint.Method.ToLowerInvariant()];
            operation.Should().NotBeNull($"{endpoint.Method} {path} should be documented");
            operation!["summary"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace($"{endpoint.Method} {path} needs a summary");
            operation["responses"]!.AsObject().Select(r => r.Key).Should().Contain(["401", "403"], $"{endpoint.Method} {path} lists its problems");
        }
    }

    [Fact]
    public async Task bearer_authentication_is_declared_for_the_ui()
    {
        var document = JsonNode.Parse(await DocumentAsync())!;

        document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().Should().Be("bearer");
        document["security"]!.AsArray().Should().NotBeEmpty();
    }

    [Fact]
    public async Task enums_are_strings()
    {
        var document = JsonNode.Parse(await DocumentAsync())!;

        var kind = document["components"]!["schemas"]!["PartnerKind"]!;
        kind["type"]!.GetValue<string>().Should().Be("string");
        kind["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Contain("ChamberOfCommerce");
    }

    [Fact]
    public async Task building_blocks_carry_scenario_examples_and_ids_are_plain_guids()
    {
        var schemas = JsonNode.Parse(await DocumentAsync())!["components"]!["schemas"]!;

        schemas["BilingualText"]!["example"]!["en"]!.GetValue<string>().Should().Be("Shanghai International Chamber of Commerce");
        schemas["PartnerDetails"]!["properties"]!["id"]!["type"]!.GetValue<string>().Should().Be("string");
    }

    [Fact]
    public async Task swagger_ui_is_served()
    {
        var response = await api.CreateClient().GetAsync("/swagger/index.html");

        response.EnsureSuccessStatusCode();
    }
}
