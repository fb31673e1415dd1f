using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>A natural person whose personal data is encrypted under their own key (crypto-shredding).</summary>
[JsonConverter(typeof(GuidIdJsonConverter<PersonId>))]
public readonly record struct PersonId(Guid Value) : IGuidId<PersonId>
{
    public static PersonId New() => new(Guid.CreateVersion7());

    public static PersonId From(Guid value) => new(value);

    public static PersonId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
