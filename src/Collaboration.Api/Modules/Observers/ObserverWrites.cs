using Collaboration.Api.Application;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Observers;

namespace Collaboration.Api.Modules.Observers;

/// <summary>The shared path of every observer action: the observer's stream, and the caller as actor.</summary>
internal static class ObserverWrites
{
    public static Task<CommandOutcome> ExecuteAsync(
        StreamExecutor executor,
        ObserverId observer,
        StreamIntent intent,
        Func<Actor, IObserverCommand> command,
        Caller caller,
        WriteOptions options,
        CancellationToken cancellationToken)
    {
        var actor = caller.ToActor();
        return executor.ExecuteAsync<ObserverDecider, ObserverState, IObserverCommand, IObserverEvent>(
            observer.Value,
            ObserverDecider.StreamName(observer),
            intent,
            _ => command(actor),
            caller,
            options,
            cancellationToken);
    }
}
