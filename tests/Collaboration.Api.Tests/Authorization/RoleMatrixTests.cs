using System.Net;
using Collaboration.Api.Application;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Authorization;

/// <summary>
/// The role × endpoint matrix, generated from the routing table: every endpoint declares its roles, refuses every
/// other role with 403 before reading the body, refuses anonymous callers with 401, and auditors never write.
/// </summary>
public sealed class RoleMatrixTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void the_api_has_endpoints_to_check()
    {
        ApiEndpoints.List.Should().NotBeEmpty();
    }

    [Fact]
    public void every_endpoint_declares_the_roles_that_may_call_it()
    {
        ApiEndpoints.List.Where(e => e.Roles.Count == 0).Should().BeEmpty("an endpoint without a role list would be closed to everybody by the pipeline, or open by mistake");
    }

    [Fact]
    public void auditors_never_write()
    {
        ApiEndpoints.List.Where(e => e.Method != "GET" && !e.Safe && e.Roles.Contains(CallerRole.Auditor)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ApiEndpoints.Refused), MemberType = typeof(ApiEndpoints))]
    public async Task a_role_outside_the_endpoint_list_gets_403(string method, string route, string role)
    {
        var client = api.ClientWithToken(TokenFor(Enum.Parse<CallerRole>(role)));

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), ApiEndpoints.Concrete(route)) { Content = ApiJson.Body("{}") });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{role} is not in the role list of {method} {route}");
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [MemberData(nameof(ApiEndpoints.Each), MemberType = typeof(ApiEndpoints))]
    public async Task an_anonymous_caller_gets_401(string method, string route)
    {
        var response = await api.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), ApiEndpoints.Concrete(route)) { Content = ApiJson.Body("{}") });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("1, 2")]
    public async Task a_role_claim_that_is_a_number_gets_403(string role)
    {
        var client = api.ClientWithToken(TestTokens.Issue("someone", role));

        var response = await client.GetAsync("/api/v1/audit/chain/verify");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"\"{role}\" is no role's name");
    }

    [Theory]
    [InlineData("office")]
    [InlineData("OFFICE")]
    public async Task a_role_name_in_any_case_is_accepted(string role)
    {
        var client = api.ClientWithToken(TestTokens.Issue("someone", role));

        var response = await client.GetAsync("/api/v1/audit/chain/verify");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_token_without_a_known_role_gets_403()
    {
        var client = api.ClientWithToken(TestTokens.Issue("someone", "superuser"));

        var response = await client.GetAsync($"/api/v1/partners/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static string TokenFor(CallerRole role) => role switch
    {
        CallerRole.Office => TestTokens.Office(),
        CallerRole.Auditor => TestTokens.Auditor(),
        CallerRole.Partner => TestTokens.Partner(Guid.NewGuid()),
        _ => TestTokens.Observer(Guid.NewGuid()),
    };
}
