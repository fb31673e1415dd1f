using System.Reflection;
using System.Text.Json;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.TalentCases;
using static Collaboration.Domain.Tests.TalentCases.TalentCaseFixture;

namespace Collaboration.Domain.Tests.TalentCases;

public sealed partial class TalentCaseEventWireTests
{
    private static readonly Type[] EventTypes = typeof(ITalentCaseEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITalentCaseEvent).IsAssignableFrom(t))
        .ToArray();

    private static readonly ITalentCaseEvent[] SampleEvents =
    [
        Opened(), Opened(referredBy: null) with { ReferredBy = null }, Assigned(),
        new TalentCaseNoteAdded(Id, new PersonalNote(Robert.Person, "电话确认 / confirmed by phone"), Officer.Id, On(2024, 10, 9)),
        InformationRequested(), InformationReceived(), Extended(), Escalated(), Resolved(), Rejected(), Reopened(), Rated(),
    ];

    public static TheoryData<ITalentCaseEvent> Samples() => new(SampleEvents);

    private static string? NameOf(Type type) => type.GetCustomAttribute<EventTypeAttribute>()?.Name;

    [Fact]
    public void every_event_type_is_in_the_json_context() =>
        EventTypes.Should().AllSatisfy(t => TalentCasesJsonContext.Default.GetTypeInfo(t).Should().NotBeNull($"{t.Name} must be [JsonSerializable]"));

    [Fact]
    public void the_samples_cover_every_event_type() =>
        SampleEvents.Select(e => e.GetType()).Distinct().Should().BeEquivalentTo(EventTypes);

    [Theory]
    [MemberData(nameof(Samples))]
    public void an_event_round_trips_through_the_json_context(ITalentCaseEvent @event)
    {
        var info = TalentCasesJsonContext.Default.GetTypeInfo(@event.GetType())!;
        var json = JsonSerializer.Serialize(@event, info);
        JsonSerializer.Deserialize(json, info).Should().Be(@event);
    }

    [Fact]
    public void enums_and_ids_travel_as_readable_strings()
    {
        var json = JsonSerializer.Serialize(Opened(), TalentCasesJsonContext.Default.TalentCaseOpened);
        json.Should().Contain("\"service\":\"WorkPermit\"").And.Contain($"\"case\":\"{Id.Value}\"").And.Contain("\"dueOn\":\"2024-10-18\"");
    }

    /// <summary>Crypto-shredding only works if no personal field lives outside <see cref="PersonalDetails"/>.</summary>
    [Fact]
    public void no_event_carries_a_name_email_or_phone_outside_personal_details() =>
        EventTypes.SelectMany(t => t.GetProperties()).Select(p => p.Name)
            .Should().NotContain(n => n.Contains("Name", StringComparison.Ordinal) || n.Contains("Email", StringComparison.Ordinal) || n.Contains("Phone", StringComparison.Ordinal));

    [Fact]
    public void the_view_round_trips_through_the_json_context()
    {
        var view = TalentCaseView.Of(Collaboration.Testing.Specs.DeciderSpec<TalentCaseDecider, TalentCaseState, ITalentCaseCommand, ITalentCaseEvent>
            .Given(Opened(), Assigned(), InformationRequested(), Escalated()).State)!;
        var json = JsonSerializer.Serialize(view, TalentCasesJsonContext.Default.TalentCaseView);
        JsonSerializer.Deserialize(json, TalentCasesJsonContext.Default.TalentCaseView).Should().Be(view);
    }

    [Fact]
    public void the_stream_name_is_the_aggregate_name_and_the_case_guid() =>
        TalentCaseDecider.StreamName(Id).Should().Be("talent-case-0193a3c0-0000-7000-8000-000000000001");
}
