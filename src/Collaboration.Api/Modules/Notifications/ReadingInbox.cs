using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Audit.Visibility;
using Collaboration.Projections.Running;
using Mediator;

namespace Collaboration.Api.Modules.Notifications;

/// <summary>A page of the caller's notifications, newest first.</summary>
/// <param name="Items">The notifications on this page.</param>
/// <param name="Unread">How many of the caller's notifications are unread in all.</param>
/// <param name="Next">Pass as <c>after</c> (an opaque cursor) for the next page; null on the last page.</param>
public sealed record NotificationPage(IReadOnlyList<InboxItem> Items, int Unread, Guid? Next);

/// <summary>The caller's own notifications: their inbox and their organisation's or observer inbox, nobody else's.</summary>
[AllowedRoles(CallerRole.Office, CallerRole.Auditor, CallerRole.Partner, CallerRole.Observer)]
public sealed record ListNotificationsRequest(Caller Caller, int? Limit, string? After) : IRead<NotificationPage>;

public sealed class ListNotificationsHandler(NotificationInboxes inboxes) : IQueryHandler<ListNotificationsRequest, QueryOutcome<NotificationPage>>
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    public async ValueTask<QueryOutcome<NotificationPage>> Handle(ListNotificationsRequest request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? DefaultLimit;
        if (limit is < 0 or > MaxLimit)
        {
            return QueryOutcome<NotificationPage>.Invalid(new Dictionary<string, string[]> { ["limit"] = [$"Must be between 0 and {MaxLimit}."] });
        }

        var all = await inboxes.ReadAsync(request.Caller, cancellationToken);
        var start = 0;
        if (request.After is { } cursor)
        {
            // The cursor is opaque to clients (today the last id of the previous page).
            var index = Guid.TryParse(cursor, out var after) ? all.FindIndex(i => i.Item.Id == after) : -1;
            if (index < 0)
            {
                return QueryOutcome<NotificationPage>.Invalid(new Dictionary<string, string[]> { ["after"] = ["No such notification in your inbox."] });
            }

            start = index + 1;
        }

        var page = all.Skip(start).Take(limit).Select(i => i.Item).ToList();
        var next = start + page.Count < all.Count && page.Count > 0 ? page[^1].Id : (Guid?)null;
        return QueryOutcome<NotificationPage>.Of(new NotificationPage(page, all.Count(i => !i.Item.Read), next));
    }
}

/// <summary>
/// Reads a caller's inboxes, newest first, each notification once, and only those whose item the visibility policy
/// still lets the caller read (a relationship may have ended since it was sent).
/// </summary>
public sealed class NotificationInboxes(IViewReader views, VisibilityService visibility)
{
    public async Task<List<(string Inbox, InboxItem Item)>> ReadAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = visibility.For(caller);
        var items = new List<(string, InboxItem)>();
        var seen = new HashSet<Guid>();
        foreach (var inbox in NotificationHub.InboxesOf(caller))
        {
            if (await views.GetAsync(NotificationViews.Inbox, inbox, ct) is not { Json: { } json })
            {
                continue;
            }

            foreach (var item in System.Text.Json.JsonSerializer.Deserialize<InboxDocument>(json, NotificationJson.Options)!.Items)
            {
                if (await scope.CanSeeAsync(item.Stream, ct) && seen.Add(item.Id))
                {
                    items.Add((inbox, item));
                }
            }
        }

        return [.. items.OrderByDescending(i => i.Item2.Position).ThenByDescending(i => i.Item2.At).ThenBy(i => i.Item2.Id)];
    }
}
