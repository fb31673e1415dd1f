using Collaboration.Api.Application;
using Collaboration.Domain.Feedback;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;

namespace Collaboration.Api.Modules.Feedback;

/// <summary>The shared path of every feedback action: the item's stream, and the caller as the deciders know it.</summary>
internal static class FeedbackWrites
{
    /// <summary>
    /// The caller as an actor. A signed-in observer acts as its observer id (<see cref="ObserverActors"/>), because that
    /// is how the Feedback decider recognises "the submitting observer"; everyone else maps as usual.
    /// </summary>
    public static Actor ActorOf(Caller caller) =>
        caller is { Role: CallerRole.Observer, Observer: { } observer } ? ObserverActors.For(observer) : caller.ToActor();

    public static Task<CommandOutcome> ExecuteAsync(
        StreamExecutor executor,
        FeedbackId feedback,
        StreamIntent intent,
        Func<Actor, IFeedbackCommand> command,
        Caller caller,
        WriteOptions options,
        CancellationToken cancellationToken)
    {
        var actor = ActorOf(caller);
        return executor.ExecuteAsync<FeedbackDecider, FeedbackState, IFeedbackCommand, IFeedbackEvent>(
            feedback.Value,
            FeedbackDecider.StreamName(feedback),
            intent,
            _ => command(actor),
            caller,
            options,
            cancellationToken);
    }
}
