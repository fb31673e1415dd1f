using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>A place the district designates to publicise its policies to foreign residents.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<PublicityPointId>))]
public readonly record struct PublicityPointId(Guid Value) : IGuidId<PublicityPointId>
{
    public static PublicityPointId New() => new(Guid.CreateVersion7());

    public static PublicityPointId From(Guid value) => new(value);

    public static PublicityPointId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
