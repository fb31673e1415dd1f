using Collaboration.Api.Application;
using Collaboration.Domain.Notifications;
using Mediator;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Mark one of the caller's notifications read (<see cref="Notification"/>), or all of them (null). Recorded as an
/// event on the caller's subscriber stream; the inbox shows it as soon as the reactor has applied it.
/// </summary>
[AllowedRoles(CallerRole.Office, CallerRole.Partner, CallerRole.Observer)]
public sealed record MarkNotificationsReadRequest(Caller Caller, WriteOptions Options, Guid? Notification) : IWrite;

public sealed class MarkNotificationsReadHandler(StreamExecutor executor, NotificationInboxes inboxes, TimeProvider time)
    : ICommandHandler<MarkNotificationsReadRequest, CommandOutcome>
{
    public async ValueTask<CommandOutcome> Handle(MarkNotificationsReadRequest request, CancellationToken cancellationToken)
    {
        var identity = NotificationIdentity.Of(request.Caller);
        IEnumerable<string> targets;
        if (request.Notification is { } one)
        {
            if (await inboxes.FindAsync(request.Caller, one, cancellationToken) is not { } inbox)
            {
                return new CommandOutcome.NotFound();
            }

            targets = [inbox];
        }
        else
        {
            targets = (await inboxes.UnreadAsync(request.Caller, cancellationToken)).Inboxes;
        }

        CommandOutcome? outcome = null;
        foreach (var inbox in targets)
        {
            outcome = await executor.ExecuteAsync<SubscriberDecider, SubscriberState, ISubscriberCommand, ISubscriberEvent>(
                SubscriberDecider.IdOf(identity.User),
                SubscriberDecider.StreamName(identity.User),
                StreamIntent.Create,
                _ => new MarkNotificationsRead(identity, inbox, request.Notification is { } id ? [id] : [], request.Notification is null, time.GetUtcNow()),
                request.Caller,
                request.Options with { IfMatch = null, IdempotencyKey = request.Options.IdempotencyKey is { } key ? $"{key}:{inbox}" : null },
                cancellationToken);
            if (outcome is not CommandOutcome.Accepted)
            {
                return outcome;
            }
        }

        return outcome ?? new CommandOutcome.Accepted(SubscriberDecider.IdOf(identity.User), SubscriberDecider.StreamName(identity.User), -1, Replayed: false);
    }
}
