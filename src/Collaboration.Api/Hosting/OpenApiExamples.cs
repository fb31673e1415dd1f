using System.Text.Json.Nodes;
using Collaboration.Domain.Kernel;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Collaboration.Api.Hosting;

/// <summary>
/// Gives the building blocks of every request and response a realistic example from the Hongkou scenario, so
/// Swagger UI's generated request bodies and responses read like real data (and a strongly typed id shows as the
/// plain GUID string it is on the wire).
/// </summary>
public sealed class OpenApiExamples : ISchemaFilter
{
    private const string SiccId = "0193a000-0000-7000-8000-000000000001";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }

        var type = Nullable.GetUnderlyingType(context.Type) ?? context.Type;
        if (type == typeof(BilingualText))
        {
            concrete.Examples = [new JsonObject { ["zh"] = "上海国际商会", ["en"] = "Shanghai International Chamber of Commerce" }];
        }
        else if (type == typeof(DateOnly))
        {
            concrete.Examples = [JsonValue.Create("2024-05-10")];
        }
        else if (type == typeof(DateTimeOffset))
        {
            concrete.Examples = [JsonValue.Create("2024-05-10T15:00:00+08:00")];
        }
        else if (IsGuidId(type))
        {
            concrete.Examples = [JsonValue.Create(SiccId)];
        }
    }

    /// <summary>Strongly typed ids are written as bare GUID strings by their JSON converter.</summary>
    public static bool IsGuidId(Type type) =>
        type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IGuidId<>));

    public static IEnumerable<Type> GuidIdTypes() => typeof(IGuidId<>).Assembly.GetTypes().Where(IsGuidId);
}
