using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

[EventType("feedback.published.v1")]
public sealed record FeedbackPublished(FeedbackId Feedback, string PublishedBy, DateTimeOffset At) : IFeedbackEvent;
