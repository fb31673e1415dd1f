using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>The submitting observer rates the answer, 1–5 stars, once.</summary>
public sealed record RateFeedbackAnswer(FeedbackId Feedback, int Stars, Actor By, DateTimeOffset At) : IFeedbackCommand;
