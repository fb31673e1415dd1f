using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

[EventType("feedback.answer-rated.v1")]
public sealed record FeedbackAnswerRated(FeedbackId Feedback, ObserverId Observer, int Stars, DateTimeOffset At) : IFeedbackEvent;
