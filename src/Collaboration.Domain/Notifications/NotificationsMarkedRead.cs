using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Notifications;

/// <summary>
/// A user marked notifications of an inbox they read (their own, or their organisation's or observer inbox) as read:
/// the listed ones, or with <see cref="All"/> every one that inbox held when this was recorded.
/// </summary>
[EventType("notification.marked-read.v1")]
public sealed record NotificationsMarkedRead(
    Guid Subscriber,
    SubscriberIdentity Identity,
    string Inbox,
    IReadOnlyList<Guid> Notifications,
    bool All,
    DateTimeOffset At) : ISubscriberEvent;
