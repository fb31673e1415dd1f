using System.Net;
using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Operations;

/// <summary>A host whose per-user bucket holds only a few requests, so the limiter is reachable in a test.</summary>
public sealed class ApiWithTightRateLimit : ApiFactory
{
    protected override int PermitsPerSecond => 3;
}

public sealed class RateLimitingTests(ApiWithTightRateLimit api) : IClassFixture<ApiWithTightRateLimit>
{
    [Fact]
    public async Task a_user_over_the_limit_gets_429_problem_with_retry_after_while_another_user_is_served()
    {
        var greedy = api.ClientWithToken(TestTokens.Issue("greedy.user", "office"));
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await greedy.GetAsync($"/api/v1/partners/{Guid.NewGuid()}"));
        }

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        limited.Should().NotBeEmpty();
        limited[0].Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        limited[0].Headers.RetryAfter.Should().NotBeNull();
        (await limited[0].ReadJsonAsync())["code"]!.GetValue<string>().Should().Be("request.rate-limited");
        var other = await api.ClientWithToken(TestTokens.Issue("patient.user", "office")).GetAsync($"/api/v1/partners/{Guid.NewGuid()}");
        other.StatusCode.Should().Be(HttpStatusCode.NotFound, "the limit is per user");
    }
}

public sealed class HealthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task liveness_and_readiness_answer_without_a_token()
    {
        var client = api.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }
}
