using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Notifications;

/// <summary>A user started following an item (a memorandum, commitment, talent case or feedback item, by its stream).</summary>
[EventType("notification.item-followed.v1")]
public sealed record ItemFollowed(Guid Subscriber, SubscriberIdentity Identity, string Stream, DateTimeOffset At) : ISubscriberEvent;
