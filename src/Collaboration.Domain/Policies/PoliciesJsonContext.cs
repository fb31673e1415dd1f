using System.Text.Json.Serialization;

namespace Collaboration.Domain.Policies;

/// <summary>Source-generated JSON for every event of the Policies module.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PolicyPublished))]
[JsonSerializable(typeof(PolicyRevised))]
[JsonSerializable(typeof(PolicyRetired))]
[JsonSerializable(typeof(PolicySnapshot))]
public sealed partial class PoliciesJsonContext : JsonSerializerContext;
