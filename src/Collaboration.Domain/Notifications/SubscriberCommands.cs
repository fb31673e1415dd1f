using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Notifications;

/// <summary>A command on a subscriber's stream.</summary>
public interface ISubscriberCommand
{
    SubscriberIdentity Identity { get; }
}

/// <summary>Follow an item; the caller has already been shown it (the API asks the visibility policy first).</summary>
public sealed record FollowItem(SubscriberIdentity Identity, string Stream, DateTimeOffset At) : ISubscriberCommand;

public sealed record UnfollowItem(SubscriberIdentity Identity, string Stream, DateTimeOffset At) : ISubscriberCommand;

public sealed record ChangeNotificationPreferences(
    SubscriberIdentity Identity,
    Language Language,
    string? Email,
    IReadOnlyList<ChannelPreference> Channels,
    bool DailyDigest,
    DateTimeOffset At) : ISubscriberCommand;

public sealed record MarkNotificationsRead(SubscriberIdentity Identity, string Inbox, IReadOnlyList<Guid> Notifications, bool All, DateTimeOffset At) : ISubscriberCommand;
