using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// The reactor's writes to the inboxes: one row per notification and inbox (<see cref="NotificationViews.InboxEntries"/>)
/// and one count per inbox (<see cref="NotificationViews.InboxCounts"/>). An inbox kept as one document was read, copied
/// and written whole for every notification it received: at its 500 notifications, 184 KB of JSON each way per batch.
/// </summary>
internal static class InboxRows
{
    private const int PageSize = 500;

    /// <summary>Puts <paramref name="notification"/> in <paramref name="inbox"/>, once however often it is produced.</summary>
    public static async Task AddAsync(ReactorBatch batch, string inbox, InboxItem notification, CancellationToken ct)
    {
        var key = InboxEntry.KeyOf(inbox, notification.Id);
        if (await batch.GetAsync<InboxEntry>(NotificationViews.InboxEntries, key, ct) is not null)
        {
            return;
        }

        batch.Put(NotificationViews.InboxEntries, key, InboxEntry.Of(inbox, notification));
        var count = await batch.GetAsync<InboxCount>(NotificationViews.InboxCounts, inbox, ct) ?? InboxCount.Empty;
        batch.Put(NotificationViews.InboxCounts, inbox, new InboxCount(count.Total + 1, count.Unread + (notification.Read ? 0 : 1)));
    }

    /// <summary>
    /// Marks read the inbox's notifications named in <paramref name="notifications"/>, and with <paramref name="all"/> every
    /// one the reactor had produced by <paramref name="position"/> (what the reader could have seen when marking them).
    /// </summary>
    public static async Task MarkReadAsync(ReactorBatch batch, string inbox, IEnumerable<Guid> notifications, bool all, long position, CancellationToken ct)
    {
        var named = notifications.ToHashSet();
        var keys = named.Select(id => InboxEntry.KeyOf(inbox, id)).ToHashSet(StringComparer.Ordinal);
        if (all)
        {
            keys.UnionWith(await UnreadKeysAsync(batch, inbox, ct));
        }

        var marked = 0;
        foreach (var key in keys)
        {
            if (await batch.GetAsync<InboxEntry>(NotificationViews.InboxEntries, key, ct) is { Notification.Read: false } entry
                && (named.Contains(entry.Notification.Id) || entry.Notification.Position <= position))
            {
                batch.Put(NotificationViews.InboxEntries, key, entry with { Notification = entry.Notification with { Read = true } });
                marked++;
            }
        }

        if (marked > 0 && await batch.GetAsync<InboxCount>(NotificationViews.InboxCounts, inbox, ct) is { } count)
        {
            batch.Put(NotificationViews.InboxCounts, inbox, count with { Unread = Math.Max(0, count.Unread - marked) });
        }
    }

    /// <summary>
    /// Drops the oldest notifications of every inbox this batch took past <see cref="InboxCount.Capacity"/>: the oldest
    /// committed ones and this batch's own, whichever are older (a batch's new rows are newer than every committed one).
    /// </summary>
    public static async Task TrimAsync(ReactorBatch batch, CancellationToken ct)
    {
        foreach (var (inbox, count) in batch.Changed<InboxCount>(NotificationViews.InboxCounts).ToList())
        {
            var over = count.Total - InboxCount.Capacity;
            if (over <= 0)
            {
                continue;
            }

            var page = await batch.Pages.PageAsync(Query(inbox, unreadOnly: false, after: null, over), ct);
            var candidates = new List<(string Key, InboxEntry Entry)>();
            var keys = page.Items.Select(i => i.Key)
                .Concat(batch.Changed<InboxEntry>(NotificationViews.InboxEntries).Where(c => c.Document.Inbox == inbox).Select(c => c.Key))
                .Distinct(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (await batch.GetAsync<InboxEntry>(NotificationViews.InboxEntries, key, ct) is { } entry)
                {
                    candidates.Add((key, entry));
                }
            }

            var dropped = candidates
                .OrderBy(c => c.Entry.Order, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Take(over)
                .ToList();
            foreach (var (key, _) in dropped)
            {
                batch.Remove(NotificationViews.InboxEntries, key);
            }

            batch.Put(NotificationViews.InboxCounts, inbox, new InboxCount(count.Total - dropped.Count, Math.Max(0, count.Unread - dropped.Count(d => !d.Entry.Notification.Read))));
        }
    }

    /// <summary>Turns each inbox kept as one document (before 2026-12-06) into its rows and count, in the first batch after a start.</summary>
    public static async Task MoveLegacyInboxesAsync(ReactorBatch batch, CancellationToken ct)
    {
        foreach (var stored in await batch.Pages.ListAsync(NotificationViews.LegacyInboxes, null, ct))
        {
            if (await batch.GetAsync<LegacyInboxDocument>(NotificationViews.LegacyInboxes, stored.Key, ct) is not { } legacy)
            {
                continue;
            }

            foreach (var item in legacy.Items)
            {
                await AddAsync(batch, stored.Key, item, ct);
            }

            batch.Remove(NotificationViews.LegacyInboxes, stored.Key);
        }
    }

    /// <summary>
    /// One page of an inbox's notifications after <paramref name="after"/>, oldest first (newest first with
    /// <paramref name="newestFirst"/>), all of them or only the unread; the stores seek to the inbox through an index led by it.
    /// </summary>
    public static ViewPageQuery Query(string inbox, bool unreadOnly, ViewCursor? after, int limit, bool newestFirst = false) =>
        new(
            NotificationViews.InboxEntries,
            null,
            unreadOnly
                ? [ViewFilter.Equal(InboxEntry.InboxField, inbox), ViewFilter.AnyOf(InboxEntry.StatusField, InboxEntry.Unread)]
                : [ViewFilter.Equal(InboxEntry.InboxField, inbox)],
            new ViewSort(InboxEntry.OrderField, newestFirst),
            after,
            limit)
        { CountTotal = false };

    /// <summary>Every committed unread row of <paramref name="inbox"/>, a page at a time.</summary>
    public static async Task<List<StoredView>> UnreadRowsAsync(IViewReader views, string inbox, CancellationToken ct)
    {
        var rows = new List<StoredView>();
        ViewCursor? after = null;
        do
        {
            var page = await views.PageAsync(Query(inbox, unreadOnly: true, after, PageSize), ct);
            rows.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        return rows;
    }

    private static async Task<IEnumerable<string>> UnreadKeysAsync(ReactorBatch batch, string inbox, CancellationToken ct)
    {
        var keys = (await UnreadRowsAsync(batch.Pages, inbox, ct)).Select(r => r.Key);
        return keys.Concat(batch.Changed<InboxEntry>(NotificationViews.InboxEntries)
            .Where(c => c.Document.Inbox == inbox && !c.Document.Notification.Read)
            .Select(c => c.Key));
    }
}
