using System.Reflection;
using System.Text.Json;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;
using static Collaboration.Domain.Tests.Observers.ObserverFixtures;

namespace Collaboration.Domain.Tests.Observers;

public sealed partial class ObserverWireNameTests
{
    private static readonly Type[] EventTypes = typeof(IObserverEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(IObserverEvent).IsAssignableFrom(t))
        .ToArray();

    /// <summary>One sample per event type; the coverage test below fails when a new event is added without one.</summary>
    private static readonly IObserverEvent[] SampleEvents =
    [
        Appointed(),
        new ObserverTermExtended(Robert, TermEnd, new DateOnly(2027, 8, 31), Office.Id, Later),
        Ended(),
    ];

    public static TheoryData<IObserverEvent> Samples() => new(SampleEvents);

    [Fact]
    public void every_observer_event_type_has_a_round_trip_sample() =>
        SampleEvents.Select(s => s.GetType()).Should().BeEquivalentTo(EventTypes);

    [Theory]
    [MemberData(nameof(Samples))]
    public void observer_event_round_trips_through_the_json_context(IObserverEvent sample)
    {
        var info = ObserversJsonContext.Default.GetTypeInfo(sample.GetType())!;
        var json = JsonSerializer.Serialize(sample, info);
        var back = JsonSerializer.Deserialize(json, info);
        back.Should().BeEquivalentTo(sample, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void roles_are_written_as_names_and_properties_in_camel_case() =>
        JsonSerializer.Serialize(Appointed(), ObserversJsonContext.Default.ObserverAppointed)
            .Should().Contain("\"roles\":[\"PublicObserver\",\"ForeignExperienceOfficer\"]");
}
