using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>The office kept the feedback private; <paramref name="WasPublished"/> marks a withdrawal from the public board.</summary>
[EventType("feedback.kept-private.v1")]
public sealed record FeedbackKeptPrivate(FeedbackId Feedback, BilingualText Reason, bool WasPublished, string DecidedBy, DateTimeOffset At) : IFeedbackEvent;
