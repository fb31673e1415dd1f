using System.Text.Json.Serialization;

namespace Collaboration.EventStore.Tests;

public sealed partial class EventSerializerTests
{
    [Fact]
    public void serializing_an_unregistered_type_is_refused() =>
        FluentActions.Invoking(() => new EventSerializer(new EventTypeRegistry()).Serialize(new PolicyPublished("x")))
            .Should().Throw<InvalidOperationException>();

    [Fact]
    public void a_wire_name_cannot_be_given_to_two_types()
    {
        var registry = new EventTypeRegistry().Register("policy.published.v1", TestEventsJsonContext.Default.PolicyPublished);

        FluentActions.Invoking(() => registry.Register("policy.published.v1", TestEventsJsonContext.Default.PolicyWithdrawn))
            .Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void registering_an_assembly_uses_the_given_naming_rule()
    {
        var registry = new EventTypeRegistry();

        var count = registry.Register(
            typeof(EventSerializerTests).Assembly,
            t => t.GetCustomAttributes(typeof(WireNameAttribute), false).OfType<WireNameAttribute>().SingleOrDefault()?.Name,
            t => TestEventsJsonContext.Default.GetTypeInfo(t));

        count.Should().Be(2);
        registry.TryGetWireName(typeof(PolicyWithdrawn), out var name).Should().BeTrue();
        name.Should().Be("policy.withdrawn.v1");
    }

    [Fact]
    public void a_serialized_event_deserializes_to_an_equal_event()
    {
        var serializer = new EventSerializer(new EventTypeRegistry().Register("policy.published.v1", TestEventsJsonContext.Default.PolicyPublished));
        var published = new PolicyPublished("人才服务 / talent services");

        var (type, data) = serializer.Serialize(published);

        type.Should().Be("policy.published.v1");
        serializer.Deserialize(type, data).Should().Be(published);
    }

    [Fact]
    public void unknown_bytes_that_are_not_json_still_come_back_as_an_unknown_event() =>
        new EventSerializer(new EventTypeRegistry()).Deserialize("x.v1", "not json"u8)
            .Should().BeOfType<UnknownEvent>().Which.Type.Should().Be("x.v1");

    [AttributeUsage(AttributeTargets.Class)]
    private sealed class WireNameAttribute(string name) : Attribute
    {
        public string Name { get; } = name;
    }

    [WireName("policy.published.v1")]
    public sealed record PolicyPublished(string Title);

    [WireName("policy.withdrawn.v1")]
    public sealed record PolicyWithdrawn(string Reason);

    [JsonSerializable(typeof(PolicyPublished))]
    [JsonSerializable(typeof(PolicyWithdrawn))]
    internal sealed partial class TestEventsJsonContext : JsonSerializerContext;
}
