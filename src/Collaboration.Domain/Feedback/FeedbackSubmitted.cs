using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>An observer submitted feedback; <paramref name="SubmittedOn"/> is the Shanghai date the term was checked against.</summary>
[EventType("feedback.submitted.v1")]
public sealed record FeedbackSubmitted(
    FeedbackId Feedback,
    ObserverId Observer,
    BilingualText Topic,
    PolicyId? Policy,
    Language WrittenIn,
    string Text,
    DateOnly SubmittedOn,
    DateTimeOffset At) : IFeedbackEvent;
