using System.Text.Json.Serialization;

namespace Collaboration.Domain.Feedback;

/// <summary>Source-generated serialisation for every Feedback event and the read view (the app registers events by [EventType]).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FeedbackSubmitted))]
[JsonSerializable(typeof(FeedbackAcknowledged))]
[JsonSerializable(typeof(FeedbackRouted))]
[JsonSerializable(typeof(FeedbackAnswered))]
[JsonSerializable(typeof(FeedbackAnswerRated))]
[JsonSerializable(typeof(FeedbackPublished))]
[JsonSerializable(typeof(FeedbackKeptPrivate))]
[JsonSerializable(typeof(FeedbackView))]
public sealed partial class FeedbackJsonContext : JsonSerializerContext;
