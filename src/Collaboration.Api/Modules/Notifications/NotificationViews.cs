namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Where the notification reactor keeps its state in the view store, each written only by the reactor and committed
/// with its checkpoint in one transaction (ADR 0024). Every document is stored office-only: the notifications API
/// reads them for their owner, and the status hub's catch-up leaves them out.
/// </summary>
public static class NotificationViews
{
    public const string Prefix = "notify-";

    /// <summary>
    /// Key: <see cref="InboxEntry.KeyOf"/> (inbox and notification). One notification in one inbox (<c>user:{id}</c>,
    /// <c>org:{partner}</c>, <c>observer:{id}</c>), a row of its own so that a new one is one small write.
    /// </summary>
    public const string InboxEntries = "notify-inbox-entry";

    /// <summary>Key: the inbox. How many notifications it holds and how many of them are unread (<see cref="InboxCount"/>).</summary>
    public const string InboxCounts = "notify-inbox-count";

    /// <summary>Key: the inbox. Each inbox as one document of its notifications (<see cref="LegacyInboxDocument"/>): the layout before each got a row; read only to move it.</summary>
    public const string LegacyInboxes = "notify-inbox";

    /// <summary>Key: an item's stream. The users who follow it.</summary>
    public const string Followers = "notify-followers";

    /// <summary>Key: <c>user:{id}</c>. A user's identity and preferences.</summary>
    public const string Subscribers = "notify-subscribers";

    /// <summary>Key: a delivery's idempotency id. E-mails and webhook calls waiting for their sender.</summary>
    public const string Outbox = "notify-outbox";

    /// <summary>Key: an item's stream (<see cref="WatchedItem"/>). The streams whose deadlines the clock watches.</summary>
    public const string Watch = "notify-watch";

    /// <summary>The one document that held every watched stream before they got a row each (<see cref="WatchDocument"/>).</summary>
    public const string LegacyWatchKey = "items";

    /// <summary>Key: <see cref="ClockKey"/>. When and at which position the clock last checked the deadlines.</summary>
    public const string Clock = "notify-clock";

    public const string ClockKey = "last";

    /// <summary>Key: a clock trigger's stream and key. The clock triggers already fired.</summary>
    public const string Fired = "notify-fired";

    /// <summary>Key: <c>endpoints</c>. The partner webhook endpoints the office registered (<see cref="WebhookDirectory"/>).</summary>
    public const string Webhooks = "notify-webhooks";

    public static IReadOnlyList<string> All { get; } = [InboxEntries, InboxCounts, LegacyInboxes, Followers, Subscribers, Outbox, Watch, Fired, Webhooks, Clock];

    public static bool IsNotificationView(string view) => view.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The inbox of one user.</summary>
    public static string UserInbox(string user) => "user:" + user;
}
