using Collaboration.Domain.Kernel;
using Collaboration.Domain.Notifications;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// One notification in one inbox. <see cref="Id"/> is deterministic (the occurrence it reports), so the same
/// occurrence is the same notification in every inbox and on every channel.
/// </summary>
/// <param name="Id">The notification's id: the same for the same occurrence, however often it is produced.</param>
/// <param name="Position">The log position the reactor had reached when it produced the notification.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Stream">The item's stream (what the visibility policy is asked about).</param>
/// <param name="Item">The kind of item (<c>commitments</c>, <c>talent-cases</c>, <c>feedback</c>, <c>memoranda</c>).</param>
/// <param name="ItemId">The item's id.</param>
/// <param name="Title">The headline in Chinese and English.</param>
/// <param name="At">When it happened.</param>
/// <param name="Read">True once the inbox's reader marked it read.</param>
public sealed record InboxItem(Guid Id, long Position, NotificationKind Kind, string Stream, string Item, Guid ItemId, BilingualText Title, DateTimeOffset At, bool Read);

/// <summary>
/// One notification in one inbox (<see cref="NotificationViews.InboxEntries"/>). Its string fields are what the view store
/// pages by: the inbox it is in, its place in it (<see cref="Order"/>), and whether it is read (<see cref="Status"/>).
/// </summary>
/// <param name="Inbox">The inbox's key (<c>user:…</c>, <c>org:…</c>, <c>observer:…</c>).</param>
/// <param name="Order">
/// The notification's log position and then when it happened, both zero-padded so that the text sorts as the numbers do.
/// The clock's notifications carry the checkpoint the reactor had reached, which an event's notification may share: the
/// time puts the later one after it (rows stored before 2026-12-07 carry the position alone, which sorts first).
/// </param>
/// <param name="Notification">The notification.</param>
public sealed record InboxEntry(string Inbox, string Order, InboxItem Notification)
{
    public const string InboxField = "inbox";

    public const string OrderField = "order";

    public const string StatusField = "status";

    public const string Unread = "unread";

    /// <summary><see cref="Unread"/> or <c>read</c>; stored for the page of an inbox's unread notifications, never read back.</summary>
    public string Status => Notification.Read ? "read" : Unread;

    public static InboxEntry Of(string inbox, InboxItem notification) =>
        new(inbox, OrderOf(notification), notification);

    /// <summary>The same for a notification in every inbox, so that one inbox's cursor places another's rows.</summary>
    public static string OrderOf(InboxItem notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return notification.Position.ToString("D19", culture) + "." + notification.At.UtcTicks.ToString("D19", culture);
    }

    public static string KeyOf(string inbox, Guid notification) => inbox + "|" + notification.ToString("D");
}

/// <summary>How many notifications one inbox holds (at most <see cref="Capacity"/>; the oldest go first) and how many are unread.</summary>
public sealed record InboxCount(int Total, int Unread)
{
    public const int Capacity = 500;

    public static InboxCount Empty { get; } = new(0, 0);
}

/// <summary>One inbox as one document, oldest first: the layout before each notification got a row; read only to move it.</summary>
public sealed record LegacyInboxDocument(IReadOnlyList<InboxItem> Items);

/// <summary>The users who follow one item.</summary>
public sealed record FollowersDocument(IReadOnlyList<SubscriberIdentity> Users);

/// <summary>A user's identity and preferences (null: the defaults, inbox only).</summary>
public sealed record SubscriberDocument(SubscriberIdentity Identity, NotificationPreferencesChanged? Preferences);

/// <summary>A delivery waiting for its channel's sender: an e-mail to a user or a webhook call to a partner's system.</summary>
/// <param name="Id">The idempotency id the receiver dedupes on (notification, recipient and channel).</param>
/// <param name="Channel">E-mail or webhook.</param>
/// <param name="Recipient">The inbox key of the recipient (<c>user:…</c> or <c>org:…</c>).</param>
/// <param name="Address">The e-mail address (null for a webhook, whose endpoint is the partner's).</param>
/// <param name="Language">The recipient's language.</param>
/// <param name="Digest">True when the recipient takes e-mails as one daily digest.</param>
/// <param name="Notification">What to tell.</param>
/// <param name="Webhook">The registered endpoint a webhook call goes to; null for the partner's configured webhook.</param>
public sealed record OutboxEntry(Guid Id, NotificationChannel Channel, string Recipient, string? Address, Language Language, bool Digest, InboxItem Notification, Guid? Webhook = null)
{
    /// <summary>The key of the delivery log this call is logged in: a registered endpoint's own, or the partner's configured one.</summary>
    public string? DeliveryLog => Channel != NotificationChannel.Webhook ? null : Webhook is { } id ? WebhookLogKey(id) : Recipient;

    public static string WebhookLogKey(Guid webhook) => "webhook:" + webhook;
}

/// <summary>The streams whose deadlines the clock watches, as one document: the layout before each got a row; read only to move it.</summary>
public sealed record WatchDocument(IReadOnlyList<string> Streams);

/// <summary>A stream whose deadlines the clock watches; its field is what the clock's full check pages the view by.</summary>
public sealed record WatchedItem(string Stream);

/// <summary>The clock's last check of the deadlines: the app's time and the reactor's checkpoint in that batch.</summary>
public sealed record ClockDocument(DateTimeOffset At, long Position);

/// <summary>A clock trigger that fired, and when.</summary>
public sealed record FiredDocument(Guid Notification, DateTimeOffset At);
