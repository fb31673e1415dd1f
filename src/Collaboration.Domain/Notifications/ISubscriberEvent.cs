namespace Collaboration.Domain.Notifications;

/// <summary>An event on a subscriber's stream (<c>subscriber-{id}</c>): what one user follows and how they are told.</summary>
public interface ISubscriberEvent
{
    Guid Subscriber { get; }
}
