using System.Text.Json.Serialization;

namespace Collaboration.Testing.StoreContract;

/// <summary>The current shape of a sample event used by the serializer contract.</summary>
public sealed record SampleObserverAppointed(Guid ObserverId, string FullName, string Nationality);

/// <summary>A second sample event, to check that types are told apart.</summary>
public sealed record SampleFeedbackGiven(Guid FeedbackId, string Text);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SampleObserverAppointed))]
[JsonSerializable(typeof(SampleFeedbackGiven))]
internal sealed partial class ContractEventsJsonContext : JsonSerializerContext;
