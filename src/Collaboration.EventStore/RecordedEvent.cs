namespace Collaboration.EventStore;

/// <summary>
/// An event as stored in the log. A class rather than a record so that reading stays cheap: metadata is
/// only parsed when <see cref="Metadata"/> is first asked for.
/// </summary>
public sealed class RecordedEvent
{
    private EventMetadata? metadata;

    /// <summary>Creates a recorded event; <paramref name="metadata"/> may be given when already known, otherwise it is parsed lazily from <paramref name="metadataJson"/>.</summary>
    public RecordedEvent(
        Guid eventId,
        string stream,
        long revision,
        long position,
        string type,
        DateTimeOffset timestamp,
        ReadOnlyMemory<byte> data,
        ReadOnlyMemory<byte> metadataJson,
        ReadOnlyMemory<byte> hash,
        EventMetadata? metadata = null)
    {
        EventId = eventId;
        Stream = stream;
        Revision = revision;
        Position = position;
        Type = type;
        Timestamp = timestamp;
        Data = data;
        MetadataJson = metadataJson;
        Hash = hash;
        this.metadata = metadata;
    }

    /// <summary>The id given by the writer; unique across the log.</summary>
    public Guid EventId { get; }

    /// <summary>The stream the event belongs to.</summary>
    public string Stream { get; }

    /// <summary>0-based revision inside the stream.</summary>
    public long Revision { get; }

    /// <summary>1-based global position in the log; positions are dense and follow commit order.</summary>
    public long Position { get; }

    /// <summary>The wire name of the event type.</summary>
    public string Type { get; }

    /// <summary>When the store recorded the event (UTC, microsecond precision), from the store's TimeProvider.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The event as UTF-8 JSON, exactly as appended.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The stored metadata bytes (hashed as stored).</summary>
    public ReadOnlyMemory<byte> MetadataJson { get; }

    /// <summary>The parsed metadata.</summary>
    public EventMetadata Metadata => metadata ??= EventMetadata.FromUtf8Json(MetadataJson.Span);

    /// <summary>SHA-256 chain hash of this event (see <see cref="EventHash"/>).</summary>
    public ReadOnlyMemory<byte> Hash { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Position} {Stream}@{Revision} {Type}";
}
