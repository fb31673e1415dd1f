using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>Marker for events of the Feedback aggregate.</summary>
public interface IFeedbackEvent
{
    FeedbackId Feedback { get; }

    DateTimeOffset At { get; }
}
