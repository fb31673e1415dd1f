using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>A Government-Society Cooperation Memorandum.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<MemorandumId>))]
public readonly record struct MemorandumId(Guid Value) : IGuidId<MemorandumId>
{
    public static MemorandumId New() => new(Guid.CreateVersion7());

    public static MemorandumId From(Guid value) => new(value);

    public static MemorandumId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
