using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>The office hands the feedback to a government department; routing again to another department restarts its clock.</summary>
public sealed record RouteFeedback(FeedbackId Feedback, DepartmentSnapshot To, Actor By, DateTimeOffset At) : IFeedbackCommand;
