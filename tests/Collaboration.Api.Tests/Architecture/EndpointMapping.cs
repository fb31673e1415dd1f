using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Collaboration.Api.Tests.Architecture;

/// <summary>
/// Reads an endpoint's handler and response metadata the way ADR 0016 needs them checked: the handler's return type
/// (unwrapped from its task), and the response statuses, bodies and headers that type declares by itself.
/// </summary>
public static class EndpointMapping
{
    /// <summary>The endpoints under /api of a routing table.</summary>
    public static IReadOnlyList<RouteEndpoint> ApiEndpoints(IEnumerable<EndpointDataSource> sources) =>
        sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .ToList();

    public static string Name(RouteEndpoint endpoint) =>
        $"{string.Join(",", endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}";

    /// <summary>The handler's answer type: <c>Task&lt;T&gt;</c> and <c>ValueTask&lt;T&gt;</c> unwrapped; null when the endpoint has no handler method.</summary>
    public static Type? AnswerType(RouteEndpoint endpoint)
    {
        var returned = endpoint.Metadata.GetMetadata<MethodInfo>()?.ReturnType;
        return returned is { IsGenericType: true } generic && (generic.GetGenericTypeDefinition() == typeof(Task<>) || generic.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? generic.GetGenericArguments()[0]
            : returned;
    }

    /// <summary>A typed result: an <see cref="IResult"/> that declares its own responses.</summary>
    public static bool IsTypedResult(Type? type) =>
        type is not null && typeof(IResult).IsAssignableFrom(type) && typeof(IEndpointMetadataProvider).IsAssignableFrom(type);

    /// <summary>The endpoint's response metadata (status, body type, media types; declared headers), as comparable lines.</summary>
    public static IReadOnlyList<string> Responses(IEnumerable<object> metadata) =>
        metadata.OfType<IProducesResponseTypeMetadata>()
            .Select(m => $"{m.StatusCode} {m.Type?.Name ?? "-"} {string.Join(",", m.ContentTypes)}")
            .Concat(metadata.OfType<Http.ResponseHeaderMetadata>().Select(h => $"{h.StatusCode} header {h.Name} required={h.Required}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The response metadata the typed result <paramref name="type"/> declares, computed the way the framework does.</summary>
    public static IReadOnlyList<string> DeclaredBy(Type type, MethodInfo handler)
    {
        var builder = new RouteEndpointBuilder(null, RoutePatternFactory.Parse("/"), 0);
        typeof(EndpointMapping).GetMethod(nameof(Populate), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type)
            .Invoke(null, [handler, builder]);
        return Responses(builder.Metadata);
    }

    /// <summary>Why the endpoint's mapping breaks the convention; empty when it keeps it.</summary>
    public static IReadOnlyList<string> Violations(RouteEndpoint endpoint)
    {
        var answer = AnswerType(endpoint);
        if (!IsTypedResult(answer))
        {
            return [$"{Name(endpoint)}: the handler returns {answer?.Name ?? "nothing known"}, not a typed result"];
        }

        var declared = DeclaredBy(answer!, endpoint.Metadata.GetMetadata<MethodInfo>()!);
        var actual = Responses(endpoint.Metadata);
        return actual.SequenceEqual(declared, StringComparer.Ordinal)
            ? []
            : [$"{Name(endpoint)}: responses [{string.Join("; ", actual)}] are not the ones its type {answer!.Name} declares [{string.Join("; ", declared)}]"];
    }

    private static void Populate<T>(MethodInfo handler, EndpointBuilder builder)
        where T : IEndpointMetadataProvider =>
        T.PopulateMetadata(handler, builder);
}
