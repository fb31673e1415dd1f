using System.Text.Json.Serialization;

namespace Collaboration.Domain.Observers;

/// <summary>Source-generated serialisation for every Observer event and the read views (the app registers events by [EventType]).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ObserverAppointed))]
[JsonSerializable(typeof(ObserverTermExtended))]
[JsonSerializable(typeof(ObserverTermEnded))]
[JsonSerializable(typeof(ObserverView))]
[JsonSerializable(typeof(ObserverSnapshot))]
public sealed partial class ObserversJsonContext : JsonSerializerContext;
