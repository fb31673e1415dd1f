using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Collaboration.EventStore;

// Lets the serializer turn an upcast JsonNode into a JsonElement without reflection-based serialisation.
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class JsonNodeContext : JsonSerializerContext;
