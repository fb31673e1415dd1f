using System.Text.Json.Serialization;

namespace Collaboration.Domain.Kernel;

/// <summary>A feedback item submitted by an observer.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<FeedbackId>))]
public readonly record struct FeedbackId(Guid Value) : IGuidId<FeedbackId>
{
    public static FeedbackId New() => new(Guid.CreateVersion7());

    public static FeedbackId From(Guid value) => new(value);

    public static FeedbackId Parse(string value) => new(Guid.Parse(value));

    public override string ToString() => Value.ToString();
}
