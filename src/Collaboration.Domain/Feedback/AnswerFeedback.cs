using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>The routed department answers, in Chinese and English (the office may record it on the department's behalf).</summary>
public sealed record AnswerFeedback(FeedbackId Feedback, BilingualText Answer, Actor By, DateTimeOffset At) : IFeedbackCommand;
