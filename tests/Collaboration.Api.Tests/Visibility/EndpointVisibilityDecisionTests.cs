using Collaboration.Api.Tests.Fixtures;
using Collaboration.Api.Visibility;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Visibility;

/// <summary>
/// Issue 11: a new read endpoint without a policy decision fails. Walks the running app's routing table (like
/// <see cref="Authorization.ApiEndpoints"/>), so an endpoint joins the check by being mapped.
/// </summary>
public sealed class EndpointVisibilityDecisionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void every_get_endpoint_under_api_carries_a_visibility_decision()
    {
        var gets = api.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            // No method metadata means every method, GET included.
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET", StringComparer.OrdinalIgnoreCase) ?? true)
            .ToList();

        var undecided = gets.Where(e => e.Metadata.GetMetadata<VisibilityDecision>() is null).Select(e => $"GET {e.RoutePattern.RawText}").Order(StringComparer.Ordinal).ToList();

        gets.Should().NotBeEmpty();
        undecided.Should().BeEmpty("every read endpoint under /api must say how the visibility policy applies to it (VisibilityDecision metadata)");
    }
}
