using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>A talent-service case.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<TalentCaseId>))]
public readonly record struct TalentCaseId(Guid Value) : IGuidId<TalentCaseId>
{
    public static TalentCaseId New() => new(Guid.CreateVersion7());

    public static TalentCaseId From(Guid value) => new(value);

    public static TalentCaseId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
