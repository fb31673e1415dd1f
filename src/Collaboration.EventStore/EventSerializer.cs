using System.Text.Json;
using System.Text.Json.Nodes;

namespace Collaboration.EventStore;

/// <summary>
/// Turns typed events into (wire type, UTF-8 JSON) and recorded events back into typed events, applying
/// registered upcasters first. Unregistered types come back as <see cref="UnknownEvent"/>: never dropped.
/// </summary>
public sealed class EventSerializer(EventTypeRegistry registry)
{
    // Guards against an upcaster cycle (a → b → a) looping for ever.
    private const int MaxUpcastSteps = 64;

    /// <summary>The registry this serializer uses.</summary>
    public EventTypeRegistry Registry => registry;

    /// <summary>Serialises a registered event.</summary>
    /// <exception cref="InvalidOperationException">The event's type is not registered.</exception>
    public (string Type, byte[] Data) Serialize(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var clrType = @event.GetType();
        if (!registry.TryGetTypeInfo(clrType, out var info) || !registry.TryGetWireName(clrType, out var name))
        {
            throw new InvalidOperationException($"Event type {clrType} is not registered.");
        }

        return (name, JsonSerializer.SerializeToUtf8Bytes(@event, info));
    }

    /// <summary>Serialises a registered event into something to append, with a new id unless one is given.</summary>
    public EventToAppend ToEventToAppend(object @event, EventMetadata? metadata = null, Guid? eventId = null)
    {
        var (type, data) = Serialize(@event);
        return new EventToAppend(eventId ?? EventIds.NewVersion7(), type, data, metadata ?? EventMetadata.Empty);
    }

    /// <summary>The typed event, or <see cref="UnknownEvent"/> when its (upcast) type is not registered.</summary>
    public object Deserialize(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return Deserialize(recorded.Type, recorded.Data.Span);
    }

    /// <summary>The typed event for a wire type and its JSON, or <see cref="UnknownEvent"/> when not registered.</summary>
    public object Deserialize(string type, ReadOnlySpan<byte> data)
    {
        if (registry.HasUpcasters && registry.TryGetUpcaster(type, out _))
        {
            return DeserializeUpcast(type, data);
        }

        return registry.TryGetTypeInfo(type, out var info)
            ? JsonSerializer.Deserialize(data, info) ?? Unknown(type, data)
            : Unknown(type, data);
    }

    private object DeserializeUpcast(string type, ReadOnlySpan<byte> data)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(data);
        }
        catch (JsonException)
        {
            return Unknown(type, data);
        }

        var steps = 0;
        while (node is not null && registry.TryGetUpcaster(type, out var upcaster))
        {
            if (++steps > MaxUpcastSteps)
            {
                throw new InvalidOperationException($"Upcasters from '{type}' form a cycle.");
            }

            node = upcaster.Upcast(node);
            type = upcaster.ToType;
        }

        if (node is null)
        {
            return new UnknownEvent(type, default);
        }

        return registry.TryGetTypeInfo(type, out var info)
            ? node.Deserialize(info) ?? new UnknownEvent(type, JsonSerializer.SerializeToElement(node, JsonNodeContext.Default.JsonNode))
            : new UnknownEvent(type, JsonSerializer.SerializeToElement(node, JsonNodeContext.Default.JsonNode));
    }

    private static UnknownEvent Unknown(string type, ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            return new UnknownEvent(type, JsonElement.ParseValue(ref reader));
        }
        catch (JsonException)
        {
            return new UnknownEvent(type, default);
        }
    }
}
