using System.Globalization;
using System.Text.Json.Nodes;

namespace Collaboration.Api.Tests.Reliability.Fuzz;

/// <summary>
/// Builds request bodies from the operation's schema in the document: a plausible body, then one mutation of it — an odd
/// value of the right type, a value of the wrong type, a required property left out, an unknown property added — or
/// something that is not the body at all.
/// </summary>
public sealed class FuzzBodies(JsonNode document, Random random, IReadOnlyList<Guid> ids)
{
    private const int MaxDepth = 6;

    public string Plausible(JsonNode? schema) => (Build(schema, plausible: true, 0) ?? new JsonObject()).ToJsonString();

    public string Mutated(JsonNode? schema)
    {
        var body = Build(schema, plausible: true, 0) ?? new JsonObject();
        var kind = random.Next(4);
        var target = Resolve(schema);
        if (body is not JsonObject obj || target?["properties"] is not JsonObject properties || properties.Count == 0)
        {
            return random.Pick(FuzzValues.Texts);
        }

        var name = random.Pick(properties.Select(p => p.Key).ToList());
        switch (kind)
        {
            case 0:
                obj[name] = Odd(properties[name]);
                break;
            case 1:
                obj[name] = WrongType(properties[name]);
                break;
            case 2:
                var required = target["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
                obj.Remove(required.Count > 0 ? random.Pick(required) : name);
                break;
            default:
                obj[$"unknown{random.Next(100)}"] = random.Pick(FuzzValues.Strings);
                break;
        }

        return obj.ToJsonString();
    }

    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema?["$ref"] is JsonValue reference; i++)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            schema = document["components"]?["schemas"]?[name];
        }

        if (schema?["oneOf"] is JsonArray oneOf && oneOf.Count > 0)
        {
            return Resolve(oneOf[random.Next(oneOf.Count)]);
        }

        if (schema?["anyOf"] is JsonArray anyOf && anyOf.Count > 0)
        {
            return Resolve(anyOf.FirstOrDefault(s => Type(Resolve(s)) != "null") ?? anyOf[0]);
        }

        if (schema?["allOf"] is JsonArray allOf && allOf.Count > 0)
        {
            return Resolve(allOf[0]);
        }

        return schema;
    }

    private static string? Type(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private JsonNode? Build(JsonNode? schema, bool plausible, int depth)
    {
        var resolved = Resolve(schema);
        if (resolved is null || depth > MaxDepth)
        {
            return null;
        }

        if (resolved["enum"] is JsonArray values && values.Count > 0)
        {
            return values[random.Next(values.Count)]?.DeepClone();
        }

        return Type(resolved) switch
        {
            "object" => Object(resolved, depth),
            "array" => new JsonArray([.. Enumerable.Range(0, random.Next(3)).Select(_ => Build(resolved["items"], plausible, depth + 1))]),
            "integer" => JsonValue.Create(random.Next(0, 10)),
            "number" => JsonValue.Create(Math.Round((decimal)random.NextDouble() * 100m, 2)),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            "string" => JsonValue.Create(String(resolved)),
            _ => null,
        };
    }

    private JsonObject Object(JsonNode schema, int depth)
    {
        var obj = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            obj[name] = Build(property, plausible: true, depth + 1);
        }

        return obj;
    }

    private string String(JsonNode schema) => schema["format"]?.GetValue<string>() switch
    {
        "uuid" => ids.Count > 0 && random.Next(4) > 0 ? random.Pick(ids).ToString() : Guid.NewGuid().ToString(),
        "date" => FuzzValues.Date(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(-400, 400))),
        "date-time" => DateTimeOffset.UtcNow.AddDays(random.Next(-400, 400)).ToString("O", CultureInfo.InvariantCulture),
        "email" => $"fuzz{random.Next(1000)}@fuzz.example",
        _ => $"fuzz {random.Next(10_000)}",
    };

    private JsonNode? Odd(JsonNode? schema) => Type(Resolve(schema)) switch
    {
        "integer" or "number" => JsonNode.Parse(random.Pick(FuzzValues.Numbers)),
        "array" => new JsonArray([.. Enumerable.Range(0, random.Next(2) == 0 ? 0 : 2_000).Select(_ => JsonValue.Create(random.Pick(FuzzValues.Strings)))]),
        _ => JsonValue.Create(random.Pick(FuzzValues.Strings)),
    };

    private JsonNode? WrongType(JsonNode? schema) => Type(Resolve(schema)) switch
    {
        "string" => random.Next(3) switch { 0 => JsonValue.Create(42), 1 => new JsonArray(), _ => new JsonObject { ["zh"] = 1 } },
        "integer" or "number" => random.Next(2) == 0 ? JsonValue.Create("12") : JsonValue.Create(true),
        "object" => random.Next(2) == 0 ? new JsonArray(JsonValue.Create(1)) : JsonValue.Create("object"),
        "array" => new JsonObject { ["0"] = "x" },
        _ => null,
    };
}
