namespace Collaboration.Api.Live;

/// <summary>
/// Where and how clients connect to live status. The hub is <c>StatusHub : Hub&lt;IStatusClient&gt;</c>.
/// Clients authenticate with the API's bearer token (WebSockets/SSE: <c>?access_token=</c>). Groups are decided by the
/// server from the token on connect: office/auditor → <c>office</c> only; partner → <c>org:{partnerId}</c> and
/// <c>public</c>; observer → <c>observer:{observerId}</c> and <c>public</c>. There is no hub method to join a group.
/// A client keeps a <em>resume position</em> (0 at first). After every (re)connect it calls <c>CatchUp(resume)</c>, which
/// returns a <see cref="CatchUpPage"/>: visible documents changed since then, in position order, at most
/// <see cref="StatusHub.MaxChangesPerCatchUp"/> read per call; while its <c>HasMore</c> is true the client calls
/// <c>CatchUp(page.Next)</c> again, and the last page's <c>Next</c> becomes the resume position. Pushes (<c>ViewChanged</c>)
/// arrive from the moment the connection starts; the client applies them, but only <c>PublishedThrough(position)</c>
/// moves the resume position (to the highest such position received after — or during — the catch-up). A pushed
/// document's own position never does: a push can arrive before the catch-up that covers older changes, and a
/// projection retried after a failure pushes changes below positions already pushed. <c>CatchUpNeeded()</c> asks the
/// client to run the catch-up again from its resume position: a node that takes over the projections sends it, since
/// the node before it may have died between a commit and its push. Every document goes whole to <c>office</c> and to each of its audiences as the visibility policy
/// lets that audience see it (withheld fields read <c>[withheld]</c>); a connection in two of its audiences gets one
/// copy, the more specific audience's (a connection held by another node than the one pushing, through the Redis backplane,
/// may still get two, the more specific last). Apply changes idempotently by (View, Key, Position), the last one winning: catch-up
/// and pushes can overlap.
/// </summary>
public static class StatusHubContract
{
    public const string Path = "/hubs/status";

    /// <summary>Hub method: <c>Task&lt;CatchUpPage&gt; CatchUp(long sincePosition)</c>.</summary>
    public const string CatchUp = "CatchUp";

    /// <summary>Client method name invoked for each change.</summary>
    public const string ViewChanged = nameof(IStatusClient.ViewChanged);

    /// <summary>Client method name that asks a connection to call <c>CatchUp</c> from its resume position again.</summary>
    public const string CatchUpNeeded = nameof(IStatusClient.CatchUpNeeded);

    /// <summary>Client method name invoked with the position a connection may resume from.</summary>
    public const string PublishedThrough = nameof(IStatusClient.PublishedThrough);

    public const string OfficeGroup = "office";

    public const string PublicGroup = "public";

    public static string OrganisationGroup(Guid partnerId) => $"org:{partnerId}";

    public static string ObserverGroup(Guid observerId) => $"observer:{observerId}";

    /// <summary>
    /// Whether a view's documents travel on this hub, by catch-up and by push alike. The notification reactor's
    /// documents do not: their owners read them through the notifications API and hub. Nor do a memorandum's lines
    /// (<c>memorandum-line</c>): they are read through its progress; the office's dashboards get each commitment's detail.
    /// </summary>
    public static bool Carries(string view) =>
        !Modules.Notifications.NotificationViews.IsNotificationView(view) && !string.Equals(view, ViewNames.MemorandumLine, StringComparison.Ordinal);
}
