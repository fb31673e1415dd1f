using System.Text.Json.Nodes;

namespace Collaboration.Api.Tests.Reliability.Fuzz;

/// <summary>One operation of the OpenAPI document: method, path template, its parameters and its JSON body schema.</summary>
public sealed record FuzzOperation(HttpMethod Method, string Path, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters, JsonNode? BodySchema)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation of the document, in document order.</summary>
    public static IReadOnlyList<FuzzOperation> All(JsonNode document)
    {
        var operations = new List<FuzzOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is not JsonObject op || !IsMethod(method))
                {
                    continue;
                }

                var parameters = (op["parameters"]?.AsArray() ?? []).Select(p => (Name: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>())).ToList();
                var body = op["requestBody"]?["content"]?["application/json"]?["schema"];
                operations.Add(new FuzzOperation(
                    new HttpMethod(method.ToUpperInvariant()),
                    path,
                    [.. parameters.Where(p => p.In == "path").Select(p => p.Name)],
                    [.. parameters.Where(p => p.In == "query").Select(p => p.Name)],
                    body));
            }
        }

        return operations;
    }

    private static bool IsMethod(string name) => name is "get" or "post" or "put" or "patch" or "delete";
}
