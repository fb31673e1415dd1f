using System.Collections.Concurrent;
using System.Reflection;
using Mediator;

namespace Collaboration.Api.Application;

/// <summary>
/// Authorises every request before its handler runs: first the role allow-list on the request type (none means
/// nobody), then every resource rule registered for it. Handlers never re-check.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(IEnumerable<IAccessRule<TMessage>> rules) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICallerRequest, IMessage
    where TResponse : IOutcome<TResponse>
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<CallerRole>> AllowedRoles = new();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var allowed = AllowedRoles.GetOrAdd(message.GetType(), t => t.GetCustomAttribute<AllowedRolesAttribute>()?.Roles ?? []);
        if (!allowed.Contains(message.Caller.Role))
        {
            return TResponse.Forbidden($"Role '{message.Caller.Role}' may not {typeof(TMessage).Name}.");
        }

        foreach (var rule in rules)
        {
            switch (await rule.CheckAsync(message, cancellationToken))
            {
                case Access.Hidden:
                    return TResponse.Missing();
                case Access.Denied:
                    return TResponse.Forbidden($"Not allowed to {typeof(TMessage).Name} on this resource.");
                default:
                    continue;
            }
        }

        return await next(message, cancellationToken);
    }
}
