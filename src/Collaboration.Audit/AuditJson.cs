using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Collaboration.EventStore;

namespace Collaboration.Audit;

/// <summary>
/// How the audit trail shows events and derived state: the API's web JSON shape with enums as names. State is
/// shown with its concrete record name under <c>$state</c> (Draft → Signed is a change an auditor must see).
/// </summary>
public static class AuditJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonNode? ToNode(object? value, bool withKind = true)
    {
        if (value is null)
        {
            return null;
        }

        var node = JsonSerializer.SerializeToNode(value, value.GetType(), Options);
        if (withKind && node is JsonObject obj)
        {
            obj.Insert(0, "$state", value.GetType().Name);
        }

        return node;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.Encoder = JsonText.Encoder;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
