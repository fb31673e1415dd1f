namespace Collaboration.Domain.Notifications;

/// <summary>
/// Whether one channel carries notifications to a subscriber, and of which kinds (an empty list means every kind).
/// </summary>
public sealed record ChannelPreference(NotificationChannel Channel, bool Enabled, IReadOnlyList<NotificationKind> Kinds)
{
    public bool Carries(NotificationKind kind) => Enabled && (Kinds.Count == 0 || Kinds.Contains(kind));
}
