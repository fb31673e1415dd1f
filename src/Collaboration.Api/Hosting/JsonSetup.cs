using System.Text.Json.Serialization;

namespace Collaboration.Api.Hosting;

/// <summary>
/// The API's JSON contract: camelCase, enums as strings, unknown fields refused (a typo must not be silently
/// ignored on a government record), numbers only as numbers.
/// </summary>
public static class JsonSetup
{
    public static IServiceCollection AddApiJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            json.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.NumberHandling = JsonNumberHandling.Strict;
            json.RespectNullableAnnotations = true;
            json.RespectRequiredConstructorParameters = true;
            json.AllowTrailingCommas = false;
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
