using System.Text.RegularExpressions;
using Collaboration.Api.Application;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Authorization;

/// <summary>Every endpoint under /api/v1, read from the running app's routing table, so new endpoints join the matrix by themselves.</summary>
public static partial class ApiEndpoints
{
    private static readonly Lazy<IReadOnlyList<ApiEndpoint>> All = new(Discover);

    public static IReadOnlyList<ApiEndpoint> List => All.Value;

    /// <summary>Endpoint × role pairs the role list refuses.</summary>
    public static TheoryData<string, string, string> Refused()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var endpoint in List)
        {
            // The public has no token to send: an_anonymous_caller_gets_401 covers it.
            foreach (var role in Enum.GetValues<CallerRole>().Where(r => r != CallerRole.Public && !endpoint.Roles.Contains(r)))
            {
                data.Add(endpoint.Method, endpoint.Route, role.ToString());
            }
        }

        return data;
    }

    public static TheoryData<string, string> Each()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in List)
        {
            data.Add(endpoint.Method, endpoint.Route);
        }

        return data;
    }

    /// <summary>The route with every parameter replaced by a fresh id, so nothing it names exists.</summary>
    public static string Concrete(string route) => Parameter().Replace(route, _ => Guid.NewGuid().ToString());

    private static List<ApiEndpoint> Discover()
    {
        using var factory = new ApiFactory();
        var sources = factory.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new ApiEndpoint(
                method,
                e.RoutePattern.RawText!.Length > 1 ? e.RoutePattern.RawText!.TrimEnd('/') : e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<AllowedRolesAttribute>()?.Roles ?? [],
                e.Metadata.GetMetadata<SafeOperationAttribute>() is not null)))
            .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}

/// <param name="Safe">A POST declared to change nothing (<see cref="SafeOperationAttribute"/>).</param>
public sealed record ApiEndpoint(string Method, string Route, IReadOnlyList<CallerRole> Roles, bool Safe);
