using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Collaboration.EventStore;

/// <summary>
/// Maps CLR event types to their stable wire names and source-generated JSON contracts, and holds upcasters
/// that turn an old wire type into a newer one before deserialising. Generic on purpose: it knows nothing of
/// the domain's attributes; <see cref="Register(Assembly, Func{Type, string?}, Func{Type, JsonTypeInfo?})"/> lets
/// the app say how to find names.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly ConcurrentDictionary<Type, string> namesByType = new();
    private readonly ConcurrentDictionary<string, JsonTypeInfo> infoByName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Upcaster> upcasters = new(StringComparer.Ordinal);

    // ConcurrentDictionary.IsEmpty takes every lock when the dictionary is empty; the read path asks per event.
    private volatile bool hasUpcasters;

    /// <summary>Registers an event type under its wire name.</summary>
    /// <exception cref="InvalidOperationException">The type or the name is already registered differently.</exception>
    public EventTypeRegistry Register(Type clrType, string wireName, JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        ArgumentException.ThrowIfNullOrWhiteSpace(wireName);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Type != clrType)
        {
            throw new ArgumentException($"The JSON contract is for {typeInfo.Type}, not {clrType}.", nameof(typeInfo));
        }

        var name = namesByType.GetOrAdd(clrType, wireName);
        if (name != wireName)
        {
            throw new InvalidOperationException($"{clrType} is already registered as '{name}'.");
        }

        var info = infoByName.GetOrAdd(wireName, typeInfo);
        if (info.Type != clrType)
        {
            throw new InvalidOperationException($"The wire name '{wireName}' is already used by {info.Type}.");
        }

        return this;
    }

    /// <summary>Registers an event type under its wire name.</summary>
    public EventTypeRegistry Register<TEvent>(string wireName, JsonTypeInfo<TEvent> typeInfo) =>
        Register(typeof(TEvent), wireName, typeInfo);

    /// <summary>
    /// Registers every concrete type of <paramref name="assembly"/> for which <paramref name="nameOf"/> gives a
    /// wire name; <paramref name="typeInfoOf"/> must then give its JSON contract. Returns how many were registered.
    /// </summary>
    public int Register(Assembly assembly, Func<Type, string?> nameOf, Func<Type, JsonTypeInfo?> typeInfoOf)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var count = 0;
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsAbstract || type.IsGenericTypeDefinition || nameOf(type) is not { } name)
            {
                continue;
            }

            var info = typeInfoOf(type)
                ?? throw new InvalidOperationException($"No JSON contract for event type {type} ('{name}').");
            Register(type, name, info);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Registers an upcaster: stored events of <paramref name="fromType"/> are transformed by
    /// <paramref name="upcast"/> and then treated as <paramref name="toType"/> (which may itself be upcast further).
    /// </summary>
    public EventTypeRegistry RegisterUpcaster(string fromType, string toType, Func<JsonNode, JsonNode> upcast)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fromType);
        ArgumentException.ThrowIfNullOrWhiteSpace(toType);
        ArgumentNullException.ThrowIfNull(upcast);
        if (!upcasters.TryAdd(fromType, new Upcaster(toType, upcast)))
        {
            throw new InvalidOperationException($"An upcaster from '{fromType}' is already registered.");
        }

        hasUpcasters = true;

        return this;
    }

    /// <summary>The wire name of a registered CLR type.</summary>
    public bool TryGetWireName(Type clrType, out string wireName) => namesByType.TryGetValue(clrType, out wireName!);

    /// <summary>The JSON contract registered for a wire name.</summary>
    public bool TryGetTypeInfo(string wireName, out JsonTypeInfo typeInfo) => infoByName.TryGetValue(wireName, out typeInfo!);

    /// <summary>The JSON contract registered for a CLR type.</summary>
    public bool TryGetTypeInfo(Type clrType, out JsonTypeInfo typeInfo)
    {
        if (namesByType.TryGetValue(clrType, out var name) && infoByName.TryGetValue(name, out typeInfo!))
        {
            return true;
        }

        typeInfo = null!;
        return false;
    }

    internal bool HasUpcasters => hasUpcasters;

    internal bool TryGetUpcaster(string fromType, out Upcaster upcaster) => upcasters.TryGetValue(fromType, out upcaster!);

    internal sealed record Upcaster(string ToType, Func<JsonNode, JsonNode> Upcast);
}
