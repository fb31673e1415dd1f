using System.Text.Json.Serialization;

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
internal sealed partial class BenchJsonContext : JsonSerializerContext;
