using System.Net;
using System.Reflection;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.OpenApi;

/// <summary>
/// The document marks a nullable property of a request body optional (only non-nullable ones are required), so the
/// server must accept a body without it: a missing optional property is null. The reader refuses a missing
/// constructor parameter that has no default, so every nullable one needs <c>= null</c>.
/// </summary>
public sealed class OptionalPropertiesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void every_nullable_property_of_a_request_body_has_a_default_so_it_may_be_omitted()
    {
        var bodies = api.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints)
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAcceptsMetadata>())
            .Select(a => a.RequestType)
            .OfType<Type>()
            .Distinct()
            .ToList();
        bodies.Should().NotBeEmpty();

        var missing = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var body in bodies)
        {
            Walk(body, seen, missing);
        }

        missing.Should().BeEmpty("a nullable property is documented as optional and the server must accept a body without it: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task a_partner_registers_without_an_external_reference()
    {
        var response = await api.Office().PostAsync("/api/v1/partners", ApiJson.Body("""
            { "kind": "ChamberOfCommerce", "name": { "zh": "虹口区商务委员会" }, "contacts": [ { "name": "Liaison" } ] }
            """));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static void Walk(Type type, HashSet<Type> seen, List<string> missing)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Walk(argument, seen, missing);
            }

            return;
        }

        if (type.Namespace?.StartsWith("Collaboration", StringComparison.Ordinal) != true || type.IsEnum || !seen.Add(type))
        {
            return;
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null)
        {
            return;
        }

        var nullability = new NullabilityInfoContext();
        foreach (var parameter in constructor.GetParameters())
        {
            var nullable = Nullable.GetUnderlyingType(parameter.ParameterType) is not null
                           || (!parameter.ParameterType.IsValueType && nullability.Create(parameter).WriteState == NullabilityState.Nullable);
            if (nullable && !parameter.HasDefaultValue)
            {
                missing.Add($"{type.Name}.{parameter.Name}");
            }

            Walk(parameter.ParameterType, seen, missing);
        }
    }
}
