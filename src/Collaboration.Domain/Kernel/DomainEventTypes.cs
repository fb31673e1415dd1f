using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;

namespace Collaboration.Domain.Kernel;

/// <summary>
/// Builds the event type registry from the domain assembly: every type with an <see cref="EventTypeAttribute"/>
/// under its wire name, serialised through the modules' source-generated JSON contexts plus the given converters — the
/// app passes a <c>PersonalDataConverter</c> so personal details inside events are sealed per person
/// (crypto-shredding). Every moment goes through <see cref="UtcTimestampConverter"/>, so events are written in UTC and
/// older ones spelled with "+08:00" read back in UTC. Every reader of the log (API, projections, CLI) must use a
/// registry built with it.
/// </summary>
public static class DomainEventTypes
{
    public static EventTypeRegistry CreateRegistry(params JsonConverter[] converters)
    {
        var assembly = typeof(EventTypeAttribute).Assembly;
        // The wire format of the log: camelCase and enums by name, as the module contexts declare. The options must
        // say so themselves, because a context used as a resolver takes its naming from the options it serves.
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ModuleContexts(assembly).ToArray()),
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JsonText.Encoder,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(UtcTimestampConverter.Instance);
        foreach (var converter in converters)
        {
            options.Converters.Add(converter);
        }

        var registry = new EventTypeRegistry();
        foreach (var type in assembly.GetTypes())
        {
            if (type.GetCustomAttribute<EventTypeAttribute>() is { } attribute)
            {
                registry.Register(type, attribute.Name, options.GetTypeInfo(type));
            }
        }

        return registry;
    }

    private static IEnumerable<IJsonTypeInfoResolver> ModuleContexts(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.IsSubclassOf(typeof(JsonSerializerContext)))
            .Select(t => (IJsonTypeInfoResolver)t.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
}
