using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>A Government Affairs Public Observer.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<ObserverId>))]
public readonly record struct ObserverId(Guid Value) : IGuidId<ObserverId>
{
    public static ObserverId New() => new(Guid.CreateVersion7());

    public static ObserverId From(Guid value) => new(value);

    public static ObserverId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
