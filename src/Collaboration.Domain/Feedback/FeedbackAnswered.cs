using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

[EventType("feedback.answered.v1")]
public sealed record FeedbackAnswered(
    FeedbackId Feedback,
    PartnerId Department,
    BilingualText Answer,
    DateOnly AnsweredOn,
    string AnsweredBy,
    DateTimeOffset At) : IFeedbackEvent;
