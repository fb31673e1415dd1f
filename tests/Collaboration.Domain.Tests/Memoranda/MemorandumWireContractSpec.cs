using System.Reflection;
using System.Text.Json;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Memoranda;
using static Collaboration.Domain.Tests.Memoranda.MemorandumFacts;

namespace Collaboration.Domain.Tests.Memoranda;

/// <summary>The log stores wire names and JSON: both must stay stable and lossless.</summary>
public sealed partial class MemorandumWireContractSpec
{
    private static readonly object[] Samples =
    [
        Drafted(),
        OfficeAdded(),
        new MemorandumPartyRemoved(Memo, Chamber, At),
        Signed(),
        new MemorandumAmended(Memo, 1, Because, Because, [FocusArea.PolicyPublicity], TermEnd, At),
        Suspended(),
        new MemorandumResumed(Memo, At),
        Completed(),
        new MemorandumTerminated(Memo, Because, At),
        new MemorandumPublished(Memo, At),
        Delivered(),
        new PolicyPackageAcknowledged(Memo, Package, Chamber, ChamberUser.Id, At),
    ];

    private static IEnumerable<Type> ModuleEventTypes => typeof(MemorandumDecider).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(MemorandumDecider).Namespace && t.GetCustomAttribute<EventTypeAttribute>() is not null);

    [Fact]
    public void every_event_type_has_a_round_trip_sample() =>
        Samples.Select(s => s.GetType()).Should().BeEquivalentTo(ModuleEventTypes);

    [Fact]
    public void every_event_round_trips_through_the_json_context()
    {
        foreach (var sample in Samples)
        {
            var info = MemorandaJsonContext.Default.GetTypeInfo(sample.GetType());
            info.Should().NotBeNull($"{sample.GetType().Name} must be in the JSON context");
            var json = JsonSerializer.Serialize(sample, info!);
            var back = JsonSerializer.Deserialize(json, info!);
            back.Should().BeEquivalentTo(sample, o => o.RespectingRuntimeTypes(), json);
        }
    }

    [Fact]
    public void signed_event_keeps_dates_and_bilingual_place_readable_on_the_wire() =>
        JsonSerializer.Serialize(Signed(), MemorandaJsonContext.Default.MemorandumSigned)
            .Should().Contain("\"signedOn\":\"2024-09-20\"").And.Contain("\"place\":{\"zh\":");

    [Fact]
    public void snapshot_round_trips_with_status_as_a_name()
    {
        var snapshot = new MemorandumSnapshot(Memo, MemorandumStatus.Active, [Office, Chamber], Areas, TermStart, TermEnd);

        var json = JsonSerializer.Serialize(snapshot, MemorandaJsonContext.Default.MemorandumSnapshot);

        json.Should().Contain("\"status\":\"Active\"");
        JsonSerializer.Deserialize(json, MemorandaJsonContext.Default.MemorandumSnapshot).Should().BeEquivalentTo(snapshot);
    }
}
