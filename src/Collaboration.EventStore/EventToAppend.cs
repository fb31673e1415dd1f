namespace Collaboration.EventStore;

/// <summary>
/// An event on its way into the log. <see cref="EventId"/> makes retries idempotent: appending the same ids
/// again to the same stream writes nothing.
/// </summary>
/// <param name="EventId">Unique across the whole log.</param>
/// <param name="Type">The stable, versioned wire name (e.g. <c>commitment.progress-reported.v1</c>).</param>
/// <param name="Data">The event as UTF-8 JSON.</param>
/// <param name="Metadata">Who caused it and in answer to what.</param>
public sealed record EventToAppend(Guid EventId, string Type, ReadOnlyMemory<byte> Data, EventMetadata Metadata);
