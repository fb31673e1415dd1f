using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>The office publishes the answered feedback on the public board.</summary>
public sealed record PublishFeedback(FeedbackId Feedback, Actor By, DateTimeOffset At) : IFeedbackCommand;
