using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Notifications;

/// <summary>A user stopped following an item.</summary>
[EventType("notification.item-unfollowed.v1")]
public sealed record ItemUnfollowed(Guid Subscriber, SubscriberIdentity Identity, string Stream, DateTimeOffset At) : ISubscriberEvent;
