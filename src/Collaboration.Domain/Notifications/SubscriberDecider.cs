using System.Security.Cryptography;
using System.Text;
using Collaboration.Domain.Kernel;

namespace Collaboration.Domain.Notifications;

/// <summary>
/// One user's subscriptions and preferences. Following what one already follows (and unfollowing what one does not)
/// records nothing, so a repeated click is harmless.
/// </summary>
public sealed class SubscriberDecider : IDecider<SubscriberState, ISubscriberCommand, ISubscriberEvent>
{
    public const int MaxFollowed = 1_000;

    public static SubscriberState Initial => SubscriberState.Empty;

    /// <summary>The subscriber id of a user: a user id is any string the authority issues, a stream name needs a fixed shape.</summary>
    public static Guid IdOf(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("subscriber:" + user));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static string StreamName(string user) => StreamCatalogue.Subscribers.StreamOf(IdOf(user));

    public static Decision<ISubscriberEvent> Decide(ISubscriberCommand command, SubscriberState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        var id = IdOf(command.Identity.User);
        return command switch
        {
            FollowItem f when state.Following.Contains(f.Stream) => Decision<ISubscriberEvent>.Accept(),
            FollowItem when state.Following.Count >= MaxFollowed => DomainError.Rule(
                "notification.too-many-followed", $"A user follows at most {MaxFollowed} items.", $"每位用户最多关注{MaxFollowed}项。"),
            FollowItem f => new ISubscriberEvent[] { new ItemFollowed(id, f.Identity, f.Stream, f.At) },
            UnfollowItem u when !state.Following.Contains(u.Stream) => Decision<ISubscriberEvent>.Accept(),
            UnfollowItem u => new ISubscriberEvent[] { new ItemUnfollowed(id, u.Identity, u.Stream, u.At) },
            ChangeNotificationPreferences p => new ISubscriberEvent[]
            {
                new NotificationPreferencesChanged(id, p.Identity, p.Language, p.Email, p.Channels, p.DailyDigest, p.At),
            },
            MarkNotificationsRead r => new ISubscriberEvent[] { new NotificationsMarkedRead(id, r.Identity, r.Inbox, r.Notifications, r.All, r.At) },
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown subscriber command."),
        };
    }

    public static SubscriberState Evolve(SubscriberState state, ISubscriberEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            ItemFollowed f => state with { Following = state.Following.Add(f.Stream), Exists = true },
            ItemUnfollowed u => state with { Following = state.Following.Remove(u.Stream), Exists = true },
            NotificationPreferencesChanged p => state with { Preferences = p, Exists = true },
            _ => state with { Exists = true },
        };
    }
}
