using System.Collections.Immutable;

namespace Collaboration.Domain.Notifications;

/// <summary>What one user follows and how they want to be told (null preferences: the defaults, inbox only).</summary>
public sealed record SubscriberState(ImmutableHashSet<string> Following, NotificationPreferencesChanged? Preferences, bool Exists)
{
    public static SubscriberState Empty { get; } = new(ImmutableHashSet.Create<string>(StringComparer.Ordinal), null, false);
}
