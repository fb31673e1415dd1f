using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>An Enterprise Policy Service Package delivered to a memorandum party.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<PackageId>))]
public readonly record struct PackageId(Guid Value) : IGuidId<PackageId>
{
    public static PackageId New() => new(Guid.CreateVersion7());

    public static PackageId From(Guid value) => new(value);

    public static PackageId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
