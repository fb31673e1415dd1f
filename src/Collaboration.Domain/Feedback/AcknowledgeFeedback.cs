using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>The office confirms it has received the feedback.</summary>
public sealed record AcknowledgeFeedback(FeedbackId Feedback, Actor By, DateTimeOffset At) : IFeedbackCommand;
