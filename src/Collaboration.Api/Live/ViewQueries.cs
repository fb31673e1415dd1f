using Collaboration.Api.Application;
using Collaboration.Api.Visibility;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Live;

/// <summary>
/// Reads documents as the <see cref="VisibilityPolicy"/> lets a caller see them: the stored scope (the audiences the
/// policy gave the document when it was projected) decides whether it is seen at all, then the policy's verdict
/// redacts its fields for this caller. The list endpoints, the hub's catch-up and pushes and the dashboard read here.
/// </summary>
public sealed class ViewQueries(IViewReader reader, ProjectionRunner runner, DocumentVisibility documents) : IViewQueries
{
    /// <summary>The audiences a caller reads through: null for office and auditors (everything); otherwise its own plus <c>public</c>.</summary>
    public static IReadOnlySet<string>? AudiencesOf(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsPrivileged)
        {
            return null;
        }

        var audiences = new HashSet<string>(StringComparer.Ordinal) { VisibilityPolicy.PublicAudience };
        if (viewer.OwnAudience is { } own)
        {
            audiences.Add(own);
        }

        return audiences;
    }

    public static IReadOnlySet<string>? AudiencesOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return AudiencesOf(caller.ToViewer());
    }

    public async Task<ViewChange?> GetAsync(Caller caller, string view, string key, CancellationToken ct = default) =>
        ReadByName(view) ? documents.Show(caller.ToViewer(), await reader.GetAsync(view, key, ct)) : null;

    public async Task<IReadOnlyList<ViewChange>> ListAsync(Caller caller, string view, CancellationToken ct = default) =>
        ShowAll(caller.ToViewer(), await reader.ListAsync(view, AudiencesOf(caller), ct));

    public async Task<VisiblePage<ViewChange>> PageAsync(Caller caller, ViewPageQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var viewer = caller.ToViewer();
        var page = await ReadPageAsync(viewer, query, ct);
        return new VisiblePage<ViewChange>(ShowAll(viewer, page.Items), page.Next, page.Total);
    }

    public async Task<string?> StampAsync(IReadOnlyList<string> views, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(views);
        var active = (await runner.Views.ReadActiveAsync(ct)).ToDictionary(g => g.Projection, StringComparer.Ordinal);
        var parts = new List<string>(views.Count);
        foreach (var view in views)
        {
            if (!active.TryGetValue(view, out var generation))
            {
                return null;
            }

            parts.Add(FormattableString.Invariant($"{view}:{generation.Generation}:{generation.Changed}"));
        }

        return string.Join('/', parts);
    }

    public Task<long> CountAsync(Caller caller, ViewPageQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        return reader.CountAsync(query with { Audiences = AudiencesOf(caller.ToViewer()) }, ct);
    }

    public Task<IReadOnlyDictionary<string, ViewTally>> TallyAsync(Caller caller, ViewPageQuery query, string? groupBy, IReadOnlyList<ViewSum> sums, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        return reader.TallyAsync(query with { Audiences = AudiencesOf(caller.ToViewer()) }, groupBy, sums, ct);
    }

    public async Task<VisiblePage<(StoredView Document, Verdict Verdict)>> PageWithVerdictsAsync(Caller caller, ViewPageQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var viewer = caller.ToViewer();
        var kind = ViewKinds.Of(query.View);
        var page = await ReadPageAsync(viewer, query, ct);
        return new VisiblePage<(StoredView, Verdict)>(
            [.. page.Items.Select(s => (s, documents.Policy.DecideStored(viewer, kind, s.Scope.Audiences))).Where(p => !p.Item2.Refused)],
            page.Next,
            page.Total);
    }

    public async Task<IReadOnlyList<ViewChange>> LatestAsync(Caller caller, string view, int limit, CancellationToken ct = default) =>
        ShowAll(caller.ToViewer(), await reader.LatestAsync(view, AudiencesOf(caller), limit, ct));

    public async Task<CatchUpPage> ChangedSinceAsync(Caller caller, long sincePosition, int maxRows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var page = await reader.ChangedSinceAsync(sincePosition, AudiencesOf(caller), maxRows, ct);
        var next = page.Next;
        if (!page.HasMore)
        {
            // The last page ends at what every projection has committed: one sitting out after a failure commits its
            // changes below the others' later, and a client resuming past them would never receive them.
            // Only the runner's projections: other work keeping checkpoints in the view store (the notification reactor)
            // publishes nothing to the hub.
            var projections = runner.Projections.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var committed = (await runner.Views.ReadActiveAsync(ct)).Where(g => projections.Contains(g.Projection)).Select(g => g.Checkpoint).DefaultIfEmpty(next).Min();
            next = Math.Max(sincePosition, Math.Min(next, committed));
        }

        return new CatchUpPage(ShowAll(caller.ToViewer(), page.Changes, catchUp: true), next, page.HasMore);
    }

    public async Task<IReadOnlyList<(StoredView Document, Verdict Verdict)>> ListWithVerdictsAsync(Caller caller, string view, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var viewer = caller.ToViewer();
        var kind = ViewKinds.Of(view);
        return [.. (await reader.ListAsync(view, AudiencesOf(viewer), ct))
            .Select(s => (s, documents.Policy.DecideStored(viewer, kind, s.Scope.Audiences)))
            .Where(p => !p.Item2.Refused)];
    }

    public async Task<ViewChange?> ShowAsync(Caller caller, ViewChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(change);
        var viewer = caller.ToViewer();
        if (viewer.IsPrivileged)
        {
            return change;
        }

        // The stored scope decides; a removed document keeps the scope it had. The first page after the position
        // before it holds the whole position (pages never split one); a feed entry may be older than the catch-up
        // window by now, so it is asked for directly.
        var stored = (await reader.ChangedSinceAsync(change.Position - 1, AudiencesOf(viewer), maxRows: 1, ct)).Changes
            .FirstOrDefault(s => s.View == change.View && s.Key == change.Key);
        if (stored is null && await reader.GetAsync(change.View, change.Key, ct) is { } entry && entry.Position == change.Position)
        {
            stored = entry;
        }

        return stored is null || !VisibilityPolicy.Admits(viewer, stored.Scope.Audiences) ? null : documents.Redact(viewer, change, stored.Scope.Audiences);
    }

    // The store counts and pages by the audiences the policy gave each document, the same test Show applies per document.
    private Task<ViewPage> ReadPageAsync(Viewer viewer, ViewPageQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return reader.PageAsync(query with { Audiences = AudiencesOf(viewer) }, ct);
    }

    /// <summary>Whether a read of a named view may hand out <paramref name="view"/>'s documents: not the notification reactor's.</summary>
    private static bool ReadByName(string view) => !Modules.Notifications.NotificationViews.IsNotificationView(view);

    /// <summary>
    /// The documents as <paramref name="viewer"/> may see them. A catch-up hands out only what the status hub carries; a read of
    /// a named view any view but the notification reactor's (its owners read those through the notifications API).
    /// </summary>
    private List<ViewChange> ShowAll(Viewer viewer, IReadOnlyList<StoredView> stored, bool catchUp = false)
    {
        var shown = new List<ViewChange>(stored.Count);
        foreach (var s in stored)
        {
            var readable = catchUp ? StatusHubContract.Carries(s.View) : ReadByName(s.View);
            if (readable && documents.Show(viewer, s) is { } change)
            {
                shown.Add(change);
            }
        }

        return shown;
    }
}
