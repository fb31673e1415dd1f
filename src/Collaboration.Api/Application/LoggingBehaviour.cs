using System.Diagnostics;
using Mediator;

namespace Collaboration.Api.Application;

/// <summary>
/// One span and one structured log line per request, with the caller and the outcome kind. The line is Debug: at the
/// default Information level nothing is formatted or written per command (issue 15's profile); turn it on with
/// <c>Logging:LogLevel:Collaboration.Api.Application=Debug</c>.
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICallerRequest, IMessage
    where TResponse : IOutcome<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        using var activity = Telemetry.Source.StartActivity(name);
        if (activity is not null)
        {
            activity.SetTag("collaboration.caller.role", message.Caller.Role.ToString());
            activity.SetTag("collaboration.caller.organisation", message.Caller.Organisation?.ToString());
        }

        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var outcome = response!.GetType().Name;
        activity?.SetTag("collaboration.outcome", outcome);
        Telemetry.Requests.Add(1, new KeyValuePair<string, object?>("request", name), new KeyValuePair<string, object?>("outcome", outcome));
        Handled(logger, name, message.Caller.Id, message.Caller.Role, outcome, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} by {CallerId} ({Role}) → {Outcome} in {ElapsedMs:F1} ms")]
    private static partial void Handled(ILogger logger, string request, string callerId, CallerRole role, string outcome, double elapsedMs);
}
