using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Collaboration.EventStore;

namespace Collaboration.Bench.Store;

/// <summary>A small, realistic event: about the size of what partners report most often.</summary>
internal sealed record CommitmentProgressReported(
    Guid CommitmentId,
    Guid PartnerId,
    Guid ReportId,
    int PercentComplete,
    string Summary,
    DateOnly ReportedOn);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CommitmentProgressReported))]
internal sealed partial class BenchJsonContext : JsonSerializerContext
{
    /// <summary>The bench event's type info, written as the app writes events: camelCase, text as UTF-8 (<see cref="JsonText.Encoder"/>).</summary>
    public static JsonTypeInfo<CommitmentProgressReported> Event { get; } = new BenchJsonContext(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JsonText.Encoder,
    }).CommitmentProgressReported;
}
