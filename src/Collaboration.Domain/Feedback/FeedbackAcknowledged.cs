using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

[EventType("feedback.acknowledged.v1")]
public sealed record FeedbackAcknowledged(FeedbackId Feedback, string AcknowledgedBy, DateTimeOffset At) : IFeedbackEvent;
