using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Notifications;

/// <summary>
/// A user set how they are told: the language of texts and mails, the e-mail address, each channel with its kinds,
/// and whether e-mails come as one daily digest instead of one by one.
/// </summary>
[EventType("notification.preferences-changed.v1")]
public sealed record NotificationPreferencesChanged(
    Guid Subscriber,
    SubscriberIdentity Identity,
    Language Language,
    string? Email,
    IReadOnlyList<ChannelPreference> Channels,
    bool DailyDigest,
    DateTimeOffset At) : ISubscriberEvent;
