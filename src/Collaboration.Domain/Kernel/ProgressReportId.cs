using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>A progress report on a commitment, reviewed before it counts.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<ProgressReportId>))]
public readonly record struct ProgressReportId(Guid Value) : IGuidId<ProgressReportId>
{
    public static ProgressReportId New() => new(Guid.CreateVersion7());

    public static ProgressReportId From(Guid value) => new(value);

    public static ProgressReportId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
