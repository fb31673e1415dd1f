using System.Reflection;
using System.Text.Json;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using static Collaboration.Domain.Tests.Feedback.FeedbackFixtures;

namespace Collaboration.Domain.Tests.Feedback;

public sealed partial class FeedbackWireNameTests
{
    private static readonly Type[] EventTypes = typeof(IFeedbackEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(IFeedbackEvent).IsAssignableFrom(t))
        .ToArray();

    /// <summary>One sample per event type; the coverage test below fails when a new event is added without one.</summary>
    private static readonly IFeedbackEvent[] SampleEvents =
    [
        Submitted(),
        Submitted() with { Policy = null, Topic = new BilingualText("英文指南", null), WrittenIn = Language.Zh },
        Acknowledged(),
        Routed(),
        Answered(),
        Rated(),
        Published(),
        KeptPrivate(wasPublished: true),
    ];

    public static TheoryData<IFeedbackEvent> Samples() => new(SampleEvents);

    [Fact]
    public void every_feedback_event_type_has_a_round_trip_sample() =>
        SampleEvents.Select(s => s.GetType()).Distinct().Should().BeEquivalentTo(EventTypes);

    [Theory]
    [MemberData(nameof(Samples))]
    public void feedback_event_round_trips_through_the_json_context(IFeedbackEvent sample)
    {
        var info = FeedbackJsonContext.Default.GetTypeInfo(sample.GetType())!;
        var json = JsonSerializer.Serialize(sample, info);
        var back = JsonSerializer.Deserialize(json, info);
        back.Should().BeEquivalentTo(sample, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void ids_dates_and_languages_are_written_plainly_in_camel_case()
    {
        var json = JsonSerializer.Serialize(Submitted(), FeedbackJsonContext.Default.FeedbackSubmitted);
        json.Should().Contain("\"policy\":\"0193a5e0-0000-7000-8000-0000000000d1\"")
            .And.Contain("\"writtenIn\":\"En\"")
            .And.Contain("\"submittedOn\":\"2024-09-20\"");
    }
}
