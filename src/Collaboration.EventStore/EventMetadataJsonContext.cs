using System.Text.Json.Serialization;

namespace Collaboration.EventStore;

// Source-generated so that metadata costs no reflection on the append and read paths.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventMetadata))]
internal sealed partial class EventMetadataJsonContext : JsonSerializerContext;
