using System.Reflection;
using System.Text.Json;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Policies;
using static Collaboration.Domain.Tests.Policies.PolicyFacts;

namespace Collaboration.Domain.Tests.Policies;

/// <summary>The log stores wire names and JSON: both must stay stable and lossless.</summary>
public sealed partial class PolicyWireContractSpec
{
    private static readonly object[] Samples = [Published(), Revised(), Retired()];

    private static IEnumerable<Type> ModuleEventTypes => typeof(PolicyDecider).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(PolicyDecider).Namespace && t.GetCustomAttribute<EventTypeAttribute>() is not null);

    [Fact]
    public void every_event_type_has_a_round_trip_sample() =>
        Samples.Select(s => s.GetType()).Should().BeEquivalentTo(ModuleEventTypes);

    [Fact]
    public void every_event_round_trips_through_the_json_context()
    {
        foreach (var sample in Samples)
        {
            var info = PoliciesJsonContext.Default.GetTypeInfo(sample.GetType());
            info.Should().NotBeNull($"{sample.GetType().Name} must be in the JSON context");
            var json = JsonSerializer.Serialize(sample, info!);
            var back = JsonSerializer.Deserialize(json, info!);
            back.Should().BeEquivalentTo(sample, o => o.RespectingRuntimeTypes(), json);
        }
    }

    [Fact]
    public void category_is_written_as_its_name() =>
        JsonSerializer.Serialize(Published(), PoliciesJsonContext.Default.PolicyPublished)
            .Should().Contain("\"category\":\"EntrepreneurshipSubsidy\"");
}
