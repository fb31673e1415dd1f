using Collaboration.Api.Application;
using Collaboration.Projections.Running;

namespace Collaboration.Api.Live;

/// <summary>Reads documents through the caller's audiences: the same strings as the hub groups it is put in.</summary>
public sealed class ViewQueries(IViewReader reader) : IViewQueries
{
    /// <summary>null for office and auditor (everything); otherwise the caller's own groups plus <c>public</c>.</summary>
    public static IReadOnlySet<string>? AudiencesOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role switch
        {
            CallerRole.Office or CallerRole.Auditor => null,
            CallerRole.Partner when caller.Organisation is { } org => new HashSet<string>(StringComparer.Ordinal) { ViewScope.Organisation(org.Value), ViewScope.Public },
            CallerRole.Observer when caller.Observer is { } observer => new HashSet<string>(StringComparer.Ordinal) { ViewScope.Observer(observer.Value), ViewScope.Public },
            _ => new HashSet<string>(StringComparer.Ordinal) { ViewScope.Public },
        };
    }

    public async Task<ViewChange?> GetAsync(Caller caller, string view, string key, CancellationToken ct = default)
    {
        var stored = await reader.GetAsync(view, key, ct);
        return stored is not null && stored.Scope.IsVisibleTo(AudiencesOf(caller)) ? ViewChangeFeed.ToChange(stored) : null;
    }

    public async Task<IReadOnlyList<ViewChange>> ListAsync(Caller caller, string view, CancellationToken ct = default) =>
        [.. (await reader.ListAsync(view, AudiencesOf(caller), ct)).Select(ViewChangeFeed.ToChange)];

    public async Task<IReadOnlyList<ViewChange>> LatestAsync(Caller caller, string view, int limit, CancellationToken ct = default) =>
        [.. (await reader.LatestAsync(view, AudiencesOf(caller), limit, ct)).Select(ViewChangeFeed.ToChange)];

    public async Task<CatchUpPage> ChangedSinceAsync(Caller caller, long sincePosition, int maxRows, CancellationToken ct = default)
    {
        var page = await reader.ChangedSinceAsync(sincePosition, AudiencesOf(caller), maxRows, ct);
        return new CatchUpPage([.. page.Changes.Select(ViewChangeFeed.ToChange)], page.Next, page.HasMore);
    }

    public async Task<bool> CanSeeAsync(Caller caller, ViewChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var audiences = AudiencesOf(caller);
        if (audiences is null)
        {
            return true;
        }

        // The stored scope decides; a removed document keeps the scope it had.
        // The first page after the position before it holds the whole position (pages never split one).
        var stored = await reader.ChangedSinceAsync(change.Position - 1, audiences, maxRows: 1, ct);
        if (stored.Changes.Any(s => s.View == change.View && s.Key == change.Key))
        {
            return true;
        }

        // A feed entry may be older than the catch-up window by now: ask for it directly.
        var entry = await reader.GetAsync(change.View, change.Key, ct);
        return entry is not null && entry.Position == change.Position && entry.Scope.IsVisibleTo(audiences);
    }
}
