using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>A policy in the bilingual catalogue.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<PolicyId>))]
public readonly record struct PolicyId(Guid Value) : IGuidId<PolicyId>
{
    public static PolicyId New() => new(Guid.CreateVersion7());

    public static PolicyId From(Guid value) => new(value);

    public static PolicyId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
