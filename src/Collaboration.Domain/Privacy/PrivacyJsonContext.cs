using System.Text.Json.Serialization;

namespace Collaboration.Domain.Privacy;

/// <summary>Source-generated serialisation for the privacy events (the app builds its event registry from it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PersonErased))]
public sealed partial class PrivacyJsonContext : JsonSerializerContext;
