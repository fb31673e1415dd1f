using Collaboration.Api.Application;
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

        Guid? after = null;
        if (request.After is { } cursor)
        {
            // The cursor is opaque to clients (today the last id of the previous page); one that is no id names nothing.
            after = Guid.TryParse(cursor, out var id) ? id : Guid.Empty;
        }

        // The count is read before the page: the two are separate reads while the reactor commits, and read this way a
        // mark the count reflects is on the page too (a client that waits for the count to drop sees the item read).
        var unread = await inboxes.UnreadAsync(request.Caller, cancellationToken);
        if (await inboxes.PageAsync(request.Caller, limit, after, cancellationToken) is not { } page)
        {
            return QueryOutcome<NotificationPage>.Invalid(new Dictionary<string, string[]> { ["after"] = ["No such notification in your inbox."] });
        }

        return QueryOutcome<NotificationPage>.Of(new NotificationPage(page.Items, unread.Count, page.More && page.Items.Count > 0 ? page.Items[^1].Id : null));
    }
}
