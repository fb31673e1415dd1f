using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;

namespace Collaboration.Domain.Feedback;

/// <summary>
/// An observer submits feedback. <paramref name="Submitter"/> is the observer's term as the application
/// read it; the topic must at least be present in the language the observer wrote in.
/// </summary>
public sealed record SubmitFeedback(
    FeedbackId Feedback,
    ObserverSnapshot Submitter,
    BilingualText Topic,
    PolicyId? Policy,
    Language WrittenIn,
    string Text,
    Actor By,
    DateTimeOffset At) : IFeedbackCommand;
