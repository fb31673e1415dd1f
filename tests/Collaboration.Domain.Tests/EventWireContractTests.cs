using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Tests;

/// <summary>
/// The log stores wire names, not CLR names: across the whole domain every event has one stable, versioned,
/// unique name and is known to a module's JSON context. Each module's own spec round-trips its samples.
/// </summary>
public sealed partial class EventWireContractTests
{
    private static readonly Assembly Domain = typeof(EventTypeAttribute).Assembly;

    private static IReadOnlyList<(Type Type, string Name)> Events { get; } = Domain.GetTypes()
        .Select(t => (Type: t, Name: t.GetCustomAttribute<EventTypeAttribute>()?.Name))
        .Where(e => e.Name is not null)
        .Select(e => (e.Type, e.Name!))
        .ToList();

    [GeneratedRegex("^[a-z-]+\\.[a-z-]+\\.v[0-9]+$")]
    private static partial Regex WireName();

    [Fact]
    public void the_domain_has_events_of_every_module() =>
        Events.Select(e => e.Type.Namespace).Distinct().Should().HaveCountGreaterThanOrEqualTo(6);

    [Fact]
    public void every_event_has_a_versioned_wire_name() =>
        Events.Should().OnlyContain(e => WireName().IsMatch(e.Name));

    [Fact]
    public void wire_names_are_unique_in_the_domain() =>
        Events.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty();

    [Fact]
    public void every_event_is_known_to_a_module_json_context()
    {
        var contexts = Domain.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.IsSubclassOf(typeof(JsonSerializerContext)))
            .Select(t => (JsonSerializerContext)t.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .ToList();

        Events.Should().OnlyContain(e => contexts.Any(c => c.GetTypeInfo(e.Type) != null), "the event registry resolves events through the module contexts");
    }
}
