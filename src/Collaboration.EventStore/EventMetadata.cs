using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.EventStore;

/// <summary>
/// Who caused an event and in answer to what: stored next to the event data, part of the hash chain.
/// </summary>
public sealed record EventMetadata(
    string? ActorId = null,
    string? Role = null,
    string? Organisation = null,
    Guid? CorrelationId = null,
    Guid? CausationId = null,
    Guid? CommandId = null)
{
    private static readonly byte[] EmptyJson = "{}"u8.ToArray();

    // The context's declared options (camelCase, nulls omitted) with the log's text encoder (JsonText.Encoder); a
    // context built on options takes its naming from them, not from its attribute.
    private static readonly EventMetadataJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JsonText.Encoder,
    });

    /// <summary>Metadata with nothing in it.</summary>
    public static EventMetadata Empty { get; } = new();

    /// <summary>The stored UTF-8 JSON form (null members omitted). Every store implementation uses this form.</summary>
    public byte[] ToUtf8Json() =>
        this == Empty ? EmptyJson : JsonSerializer.SerializeToUtf8Bytes(this, Json.EventMetadata);

    /// <summary>Reads the stored form back; empty input gives <see cref="Empty"/>.</summary>
    public static EventMetadata FromUtf8Json(ReadOnlySpan<byte> json) =>
        json.IsEmpty || json.SequenceEqual(EmptyJson)
            ? Empty
            : JsonSerializer.Deserialize(json, Json.EventMetadata) ?? Empty;
}
