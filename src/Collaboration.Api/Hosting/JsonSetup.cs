using System.Text.Json.Serialization;
using Collaboration.EventStore;

namespace Collaboration.Api.Hosting;

/// <summary>
/// The API's JSON contract: camelCase, enums as strings, unknown fields refused (a typo must not be silently
/// ignored on a government record), numbers only as numbers, text as <see cref="JsonText.Encoder"/> writes it.
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
            // The encoder of the stored documents that many replies serve as they are, so every reply spells text alike:
            // Chinese as UTF-8, HTML-sensitive characters escaped (ASP.NET Core's default leaves those raw).
            json.Encoder = JsonText.Encoder;
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
