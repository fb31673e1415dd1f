using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>
/// Reads a caller's inboxes (<see cref="NotificationHub.InboxesOf"/>) page by page, newest first, each notification once,
/// and only those whose item the visibility policy still lets the caller read (a relationship may have ended since it
/// was sent). The inboxes' rows are merged as the store pages them, so a page reads about a page of rows per inbox.
/// </summary>
public sealed class NotificationInboxes(IViewReader views, VisibilityService visibility)
{
    /// <summary>
    /// Up to <paramref name="limit"/> notifications after the one <paramref name="after"/> names (from the newest when
    /// null), and whether more follow; null when no inbox of the caller's holds <paramref name="after"/>.
    /// </summary>
    public async Task<(IReadOnlyList<InboxItem> Items, bool More)?> PageAsync(Caller caller, int limit, Guid? after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var inboxes = NotificationHub.InboxesOf(caller);
        string? order = null;
        if (after is { } cursor)
        {
            foreach (var inbox in inboxes)
            {
                if (await views.GetAsync(NotificationViews.InboxEntries, InboxEntry.KeyOf(inbox, cursor), ct) is { Json: { } json })
                {
                    order = Read(json).Order;
                    break;
                }
            }

            if (order is null)
            {
                return null;
            }
        }

        var sources = inboxes.Select(inbox => new Source(inbox, order is null ? null : new ViewCursor(order, InboxEntry.KeyOf(inbox, after!.Value)))).ToList();
        var scope = visibility.For(caller);
        var seen = new HashSet<Guid>();
        var items = new List<InboxItem>();
        var chunk = Math.Min(limit + 1, ListNotificationsHandler.MaxLimit);
        while (items.Count <= limit)
        {
            foreach (var source in sources)
            {
                await source.FillAsync(views, chunk, ct);
            }

            if (sources.Where(s => s.Rows.Count > 0).MaxBy(s => s.Rows.Peek(), NewestFirst.Instance) is not { } newest)
            {
                break;
            }

            var item = newest.Rows.Dequeue().Notification;
            if (seen.Add(item.Id) && await scope.CanSeeAsync(item.Stream, ct))
            {
                items.Add(item);
            }
        }

        return (items.Take(limit).ToList(), items.Count > limit);
    }

    /// <summary>How many of the caller's notifications are unread (each once, only those the caller may still read), and in which inboxes.</summary>
    public async Task<(int Count, IReadOnlyList<string> Inboxes)> UnreadAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = visibility.For(caller);
        var seen = new HashSet<Guid>();
        var holding = new List<string>();
        foreach (var inbox in NotificationHub.InboxesOf(caller))
        {
            foreach (var row in await InboxRows.UnreadRowsAsync(views, inbox, ct))
            {
                var item = Read(row.Json!).Notification;
                if (await scope.CanSeeAsync(item.Stream, ct))
                {
                    seen.Add(item.Id);
                    if (holding.Count == 0 || holding[^1] != inbox)
                    {
                        holding.Add(inbox);
                    }
                }
            }
        }

        return (seen.Count, holding);
    }

    /// <summary>The caller's inbox holding the notification, when the caller may still read its item.</summary>
    public async Task<string?> FindAsync(Caller caller, Guid notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = visibility.For(caller);
        foreach (var inbox in NotificationHub.InboxesOf(caller))
        {
            if (await views.GetAsync(NotificationViews.InboxEntries, InboxEntry.KeyOf(inbox, notification), ct) is { Json: { } json }
                && await scope.CanSeeAsync(Read(json).Notification.Stream, ct))
            {
                return inbox;
            }
        }

        return null;
    }

    private static InboxEntry Read(string json) => System.Text.Json.JsonSerializer.Deserialize<InboxEntry>(json, NotificationJson.Options)!;

    /// <summary>One inbox's rows, newest first, read a chunk at a time from where the last chunk ended.</summary>
    private sealed class Source(string inbox, ViewCursor? after)
    {
        private ViewCursor? next = after;

        private bool exhausted;

        public Queue<InboxEntry> Rows { get; } = new();

        public async Task FillAsync(IViewReader views, int chunk, CancellationToken ct)
        {
            if (Rows.Count > 0 || exhausted)
            {
                return;
            }

            var page = await views.PageAsync(InboxRows.Query(inbox, unreadOnly: false, next, chunk, newestFirst: true), ct);
            foreach (var row in page.Items)
            {
                Rows.Enqueue(Read(row.Json!));
            }

            next = page.Next;
            exhausted = next is null;
        }
    }

    /// <summary>The store's order within one inbox (the position, then the key: the notification's id), across inboxes.</summary>
    private sealed class NewestFirst : IComparer<InboxEntry>
    {
        public static NewestFirst Instance { get; } = new();

        public int Compare(InboxEntry? x, InboxEntry? y)
        {
            var order = string.CompareOrdinal(x!.Order, y!.Order);
            return order != 0 ? order : string.CompareOrdinal(x.Notification.Id.ToString("D"), y.Notification.Id.ToString("D"));
        }
    }
}
