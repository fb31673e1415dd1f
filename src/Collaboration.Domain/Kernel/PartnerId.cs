using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>An organisation: chamber of commerce, association, park, enterprise or government department.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<PartnerId>))]
public readonly record struct PartnerId(Guid Value) : IGuidId<PartnerId>
{
    public static PartnerId New() => new(Guid.CreateVersion7());

    public static PartnerId From(Guid value) => new(value);

    public static PartnerId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
