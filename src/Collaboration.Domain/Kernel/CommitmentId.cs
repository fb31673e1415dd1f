using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>A partner or office commitment under a signed memorandum.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<CommitmentId>))]
public readonly record struct CommitmentId(Guid Value) : IGuidId<CommitmentId>
{
    public static CommitmentId New() => new(Guid.CreateVersion7());

    public static CommitmentId From(Guid value) => new(value);

    public static CommitmentId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
