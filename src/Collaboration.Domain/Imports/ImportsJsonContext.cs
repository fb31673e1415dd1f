using System.Text.Json.Serialization;

namespace Collaboration.Domain.Imports;

/// <summary>Source-generated serialisation for the import events (the app builds its event registry from it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SpreadsheetImported))]
public sealed partial class ImportsJsonContext : JsonSerializerContext;
