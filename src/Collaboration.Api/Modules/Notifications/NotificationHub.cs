using Collaboration.Api.Application;
using Collaboration.Api.Hosting;
using Collaboration.Domain.Visibility;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Live inbox news at <c>/hubs/notifications</c>. A connection joins only the groups of the caller's own inboxes,
/// decided from the token on connect (<see cref="InboxesOf"/>); there is no method to join another.
/// </summary>
[Authorize(Policy = AuthenticationSetup.ApiPolicy)]
public sealed class NotificationHub : Hub<INotificationClient>
{
    public const string Path = "/hubs/notifications";

    public override async Task OnConnectedAsync()
    {
        if (Caller.FromPrincipal(Context.User!) is not { } caller)
        {
            Context.Abort();
            return;
        }

        foreach (var inbox in InboxesOf(caller))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, inbox, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }

    /// <summary>The inboxes a caller reads: their own, and their organisation's or their observer inbox.</summary>
    public static IReadOnlyList<string> InboxesOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var own = NotificationViews.UserInbox(caller.Id);
        return caller.ToViewer().OwnAudience is { } audience ? [own, audience] : [own];
    }
}

/// <summary>Pushes committed inbox changes to each inbox's group.</summary>
public sealed class NotificationPush(NotificationSignals signals, IHubContext<NotificationHub, INotificationClient> hub) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        signals.Changed += Push;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        signals.Changed -= Push;
        return Task.CompletedTask;
    }

    private void Push(IReadOnlyList<InboxSignal> changed)
    {
        foreach (var signal in changed)
        {
            // Fire and forget: a connection that misses one push reads the inbox on its next call.
            _ = hub.Clients.Group(signal.Inbox).InboxChanged(signal);
        }
    }
}
