using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Feedback;

/// <summary>Marker for commands on the Feedback aggregate (stream <c>feedback-&lt;guid&gt;</c>).</summary>
public interface IFeedbackCommand
{
    FeedbackId Feedback { get; }
}
