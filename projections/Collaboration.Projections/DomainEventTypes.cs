using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;

namespace Collaboration.Projections;

/// <summary>
/// Builds the event type registry from the domain assembly: every type with an <see cref="EventTypeAttribute"/>
/// under its wire name, serialised through the modules' source-generated JSON contexts.
/// It lives with the read side so the API, the projections and the CLI share one registry.
/// </summary>
public static class DomainEventTypes
{
    public static EventTypeRegistry CreateRegistry()
    {
        var assembly = typeof(EventTypeAttribute).Assembly;
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(ModuleContexts(assembly).ToArray()) };
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
