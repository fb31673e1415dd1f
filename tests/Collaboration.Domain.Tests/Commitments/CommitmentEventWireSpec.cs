using System.Reflection;
using System.Text.Json;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using static Collaboration.Domain.Tests.Commitments.CommitmentFixture;

namespace Collaboration.Domain.Tests.Commitments;

/// <summary>Wire names are the log's contract; every event must have one and survive the JSON context.</summary>
public sealed partial class CommitmentEventWireSpec
{
    private static readonly ICommitmentEvent[] Samples =
    [
        Proposed(), Accepted(), MilestoneAdded(M1, 40m),
        new MilestoneRescheduled(Id, M1, new DateOnly(2024, 9, 30), new DateOnly(2024, 10, 31), Reason, OwnerUser.Id, At),
        MilestoneDone(M1), Reported(R1, 30.5m), Approved(R1, 30.5m), Returned(R1), Completed(), Cancelled(),
    ];

    private static readonly Type[] EventTypes = [.. typeof(ICommitmentEvent).Assembly.GetTypes()
        .Where(t => typeof(ICommitmentEvent).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })];

    public static TheoryData<string> SampleNames => [.. Samples.Select(s => s.GetType().Name)];

    [Fact]
    public void every_event_type_has_a_round_trip_sample() =>
        Samples.Select(s => s.GetType()).Should().BeEquivalentTo(EventTypes);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void event_round_trips_through_the_json_context(string typeName)
    {
        var original = Samples.Single(s => s.GetType().Name == typeName);
        var info = CommitmentsJsonContext.Default.GetTypeInfo(original.GetType())!;

        var json = JsonSerializer.Serialize(original, info);
        var back = JsonSerializer.Deserialize(json, info);

        back.Should().Be(original);
    }

    [Fact]
    public void json_uses_camel_case_names_and_string_enums()
    {
        var json = JsonSerializer.Serialize(Proposed(), CommitmentsJsonContext.Default.CommitmentProposed);

        json.Should().Contain("\"focusArea\":\"HighLevelTalentServices\"").And.Contain($"\"commitment\":\"{Id.Value}\"");
    }
}
