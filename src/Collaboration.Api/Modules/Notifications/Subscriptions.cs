using Collaboration.Domain.Notifications;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>The reactor's fold of the subscriber events: who follows what, preferences, and read marks.</summary>
internal static class Subscriptions
{
    public static async Task ApplyAsync(ReactorBatch batch, ISubscriberEvent @event, long position, CancellationToken ct)
    {
        switch (@event)
        {
            case ItemFollowed followed:
                await SetFollowerAsync(batch, followed.Stream, followed.Identity, follows: true, ct);
                await RememberAsync(batch, followed.Identity, null, ct);
                break;
            case ItemUnfollowed unfollowed:
                await SetFollowerAsync(batch, unfollowed.Stream, unfollowed.Identity, follows: false, ct);
                break;
            case NotificationPreferencesChanged preferences:
                await RememberAsync(batch, preferences.Identity, preferences, ct);
                break;
            case NotificationsMarkedRead read:
                await InboxRows.MarkReadAsync(batch, read.Inbox, read.Notifications, read.All, position, ct);
                break;
        }
    }

    private static async Task SetFollowerAsync(ReactorBatch batch, string stream, SubscriberIdentity identity, bool follows, CancellationToken ct)
    {
        var followers = await batch.GetAsync<FollowersDocument>(NotificationViews.Followers, stream, ct) ?? new FollowersDocument([]);
        var others = followers.Users.Where(u => u.User != identity.User);
        batch.Put(NotificationViews.Followers, stream, new FollowersDocument(follows ? [.. others, identity] : [.. others]));
    }

    private static async Task RememberAsync(ReactorBatch batch, SubscriberIdentity identity, NotificationPreferencesChanged? preferences, CancellationToken ct)
    {
        var key = NotificationViews.UserInbox(identity.User);
        var known = await batch.GetAsync<SubscriberDocument>(NotificationViews.Subscribers, key, ct);
        batch.Put(NotificationViews.Subscribers, key, new SubscriberDocument(identity, preferences ?? known?.Preferences));
    }
}
