using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>A milestone inside a commitment.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<MilestoneId>))]
public readonly record struct MilestoneId(Guid Value) : IGuidId<MilestoneId>
{
    public static MilestoneId New() => new(Guid.CreateVersion7());

    public static MilestoneId From(Guid value) => new(value);

    public static MilestoneId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
