namespace Collaboration.Domain.Notifications;

/// <summary>How a notification reaches its recipient.</summary>
public enum NotificationChannel
{
    /// <summary>The in-app inbox (the dashboard's bell and <c>GET /api/v1/notifications</c>).</summary>
    Inbox = 1,
    Email = 2,
    /// <summary>A partner organisation's system, called with a signed JSON body.</summary>
    Webhook = 3,
}
