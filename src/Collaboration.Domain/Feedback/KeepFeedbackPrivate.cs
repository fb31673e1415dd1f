using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>The office keeps the answered feedback off the public board, or withdraws it from there.</summary>
public sealed record KeepFeedbackPrivate(FeedbackId Feedback, BilingualText Reason, Actor By, DateTimeOffset At) : IFeedbackCommand;
