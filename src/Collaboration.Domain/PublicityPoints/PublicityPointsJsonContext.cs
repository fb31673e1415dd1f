using System.Text.Json.Serialization;

namespace Collaboration.Domain.PublicityPoints;

/// <summary>Source-generated JSON for every event of the publicity points.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PublicityPointDesignated))]
[JsonSerializable(typeof(PublicityPointRevised))]
[JsonSerializable(typeof(PublicityPointWithdrawn))]
public sealed partial class PublicityPointsJsonContext : JsonSerializerContext;
