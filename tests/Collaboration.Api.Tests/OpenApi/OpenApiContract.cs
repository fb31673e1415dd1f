using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Collaboration.Api.Tests.OpenApi;

/// <summary>
/// The app's own OpenAPI document as an executable contract: which statuses and media types an operation may answer
/// with, and JSON Schemas (2020-12) for its request and response bodies. The document's component schemas become
/// <c>$defs</c>; OpenAPI 3.0's <c>nullable: true</c> becomes a <c>"null"</c> type (or an <c>anyOf</c> with null
/// next to a reference); a schema's <c>additionalProperties: false</c> is kept, so an undocumented field fails.
/// </summary>
public sealed class OpenApiContract
{
    private const string ComponentPrefix = "#/components/schemas/";
    private readonly JsonObject _defs;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    public OpenApiContract(JsonNode document)
    {
        Document = document;
        Version = document["openapi"]?.GetValue<string>() ?? "?";
        _defs = new JsonObject();
        foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? new JsonObject())
        {
            _defs[name] = Translate(schema);
        }
    }

    public JsonNode Document { get; }

    public string Version { get; }

    /// <summary>Every operation of the document as (method, path template).</summary>
    public IEnumerable<(string Method, string Path)> Operations() =>
        Document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => op.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(op => (op.Key.ToUpperInvariant(), path.Key)));

    public JsonNode Operation(string method, string path) =>
        Document["paths"]?[path]?[method.ToLowerInvariant()] ?? throw new InvalidOperationException($"{method} {path} is not in the document.");

    /// <summary>True when the operation is a paged list: it takes <c>limit</c> and <c>after</c>.</summary>
    public bool IsPaged(string method, string path)
    {
        var names = (Operation(method, path)["parameters"]?.AsArray() ?? []).Select(p => (string?)p?["name"]).ToHashSet();
        return names.Contains("limit") && names.Contains("after");
    }

    /// <summary>The violations of a request body against the operation's documented request schema.</summary>
    public IReadOnlyList<string> CheckRequest(string method, string path, string json)
    {
        var schema = Operation(method, path)["requestBody"]?["content"]?["application/json"]?["schema"];
        if (schema is null)
        {
            return [$"{method} {path}: a JSON body was sent but none is documented"];
        }

        return Evaluate($"request {method} {path}", schema, json).Select(e => $"{method} {path} request body: {e}").ToList();
    }

    /// <summary>The violations of a response: undocumented status, undocumented media type, or a body against its schema.</summary>
    public IReadOnlyList<string> CheckResponse(string method, string path, int status, string? mediaType, string body)
    {
        var where = $"{method} {path} → {status}";
        var responses = Operation(method, path)["responses"]!.AsObject();
        var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        if (response is null)
        {
            return [$"{where}: status not documented (documented: {string.Join(", ", responses.Select(r => r.Key))}); body {Shorten(body)}"];
        }

        var content = response["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            return body.Length == 0 ? [] : [$"{where}: a body was returned but none is documented: {Shorten(body)}"];
        }

        if (mediaType is null || content[mediaType] is not { } media)
        {
            return [$"{where}: media type '{mediaType}' not documented (documented: {string.Join(", ", content.Select(c => c.Key))}); body {Shorten(body)}"];
        }

        if (!IsJson(mediaType) || media["schema"] is not { } schema)
        {
            return [];
        }

        return Evaluate($"{where} {mediaType}", schema, body).Select(e => $"{where}: {e}").ToList();
    }

    /// <summary>Headers the API documents when it sends them; any of these in an answer must be documented for it.</summary>
    public static readonly IReadOnlyList<string> DocumentedHeaders = ["ETag", "Location", "Link"];

    /// <summary>
    /// The violations of a response's headers: a header the document requires for the status is missing, or one of
    /// <see cref="DocumentedHeaders"/> was sent without being documented.
    /// </summary>
    public IReadOnlyList<string> CheckHeaders(string method, string path, int status, IReadOnlyCollection<string> sent)
    {
        var where = $"{method} {path} → {status}";
        var responses = Operation(method, path)["responses"]!.AsObject();
        var documented = (responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"])?["headers"]?.AsObject()
                         ?? new JsonObject();
        var missing = documented
            .Where(h => h.Value?["required"]?.GetValue<bool>() == true && !sent.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .Select(h => $"{where}: required header {h.Key} missing");
        var undocumented = DocumentedHeaders
            .Where(h => sent.Contains(h, StringComparer.OrdinalIgnoreCase) && !documented.Any(d => string.Equals(d.Key, h, StringComparison.OrdinalIgnoreCase)))
            .Select(h => $"{where}: header {h} sent but not documented");
        return [.. missing, .. undocumented];
    }

    public static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    private IEnumerable<string> Evaluate(string key, JsonNode schema, string json)
    {
        JsonDocument instance;
        try
        {
            instance = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [$"body is not JSON ({e.Message}): {Shorten(json)}"];
        }

        using (instance)
        {
            var compiled = _schemas.GetOrAdd(key, _ => Compile(schema));
            var result = compiled.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (result.IsValid)
            {
                return [];
            }

            var errors = (result.Details ?? []).Append(result)
                .Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value}"))
                .Distinct()
                .Take(12)
                .ToList();
            return errors.Count == 0 ? ["the body does not match its schema"] : errors;
        }
    }

    private JsonSchema Compile(JsonNode schema)
    {
        var root = Translate(schema) is JsonObject translated ? translated : new JsonObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _defs.DeepClone();
        return JsonSchema.FromText(root.ToJsonString(), baseUri: new Uri($"https://collaboration.example/contract/{Guid.NewGuid():N}"));
    }

    /// <summary>An OpenAPI schema object as JSON Schema 2020-12.</summary>
    private static JsonNode? Translate(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return node?.DeepClone();
        }

        var result = new JsonObject();
        foreach (var (keyword, value) in schema)
        {
            switch (keyword)
            {
                case "$ref" when value?.GetValue<string>() is { } reference && reference.StartsWith(ComponentPrefix, StringComparison.Ordinal):
                    result["$ref"] = "#/$defs/" + reference[ComponentPrefix.Length..];
                    break;
                case "properties" or "patternProperties" or "$defs" or "definitions" when value is JsonObject map:
                    var translated = new JsonObject();
                    foreach (var (name, sub) in map)
                    {
                        translated[name] = Translate(sub);
                    }

                    result[keyword] = translated;
                    break;
                case "items" or "additionalProperties" or "not" or "contains" or "propertyNames" or "unevaluatedProperties" or "unevaluatedItems":
                    result[keyword] = Translate(value);
                    break;
                case "allOf" or "anyOf" or "oneOf" or "prefixItems" when value is JsonArray list:
                    result[keyword] = new JsonArray([.. list.Select(Translate)]);
                    break;
                case "nullable" or "example" or "discriminator" or "xml" or "externalDocs":
                    break;
                case "exclusiveMinimum" or "exclusiveMaximum" when value is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    var bound = keyword == "exclusiveMinimum" ? "minimum" : "maximum";
                    if (flag.GetValue<bool>() && schema[bound] is { } limit)
                    {
                        result[keyword] = limit.DeepClone();
                        result.Remove(bound);
                    }

                    break;
                case "minimum" or "maximum" when schema["exclusive" + char.ToUpperInvariant(keyword[0]) + keyword[1..]] is JsonValue exclusive
                                                 && exclusive.GetValueKind() == JsonValueKind.True:
                    break;
                default:
                    result[keyword] = value?.DeepClone();
                    break;
            }
        }

        if (schema["nullable"]?.GetValue<bool>() != true)
        {
            return result;
        }

        if (result["type"] is JsonValue type)
        {
            result["type"] = new JsonArray(type.GetValue<string>(), "null");
            if (result["enum"] is JsonArray values && !values.Any(v => v is null))
            {
                values.Add(null);
            }

            return result;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(result, new JsonObject { ["type"] = "null" }) };
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
