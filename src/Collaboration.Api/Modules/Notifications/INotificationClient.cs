namespace Collaboration.Api.Modules.Notifications;

/// <summary>What the server calls on a connected notification client (<c>/hubs/notifications</c>).</summary>
public interface INotificationClient
{
    /// <summary>One of the caller's inboxes changed: its key and unread count. Fetch <c>GET /api/v1/notifications</c> for the items.</summary>
    Task InboxChanged(InboxSignal signal);
}
