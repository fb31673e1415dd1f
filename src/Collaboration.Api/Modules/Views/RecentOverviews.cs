using Collaboration.Domain.Visibility;
using Collaboration.Projections.Overview;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// The overview each class of viewer was last given, reused for <see cref="Freshness"/> after it was started. Its counts change
/// with every commit of five views, and at a working office's pace (16 commands/s in the load driver's day) the store's count
/// cache (ADR 0023) was stale on nearly every read: each overview recounted some twenty figures. Readers arriving while one
/// composition runs share it.
/// <para>
/// Past its freshness the last overview is still handed out, for at most <see cref="Stale"/> after it was started, while the
/// next one is composed: a composition takes tens to hundreds of milliseconds over a long log, and readers arriving after
/// the freshness all waited for it (ADR 0028, amendment of 2026-12-05). An overview is therefore at most <see cref="Stale"/>
/// older than the projections when it is handed out — the same kind of lag the lists already have behind a write.
/// </para>
/// <para>
/// The key is the <see cref="Viewer"/> the visibility policy decides on without its user: the policy decides by role,
/// organisation and observer (never by the user's name), so two office users are given the same figures, and a figure is only
/// ever handed to a viewer the policy gave exactly the same answer. The figures are counts and dates, never personal data.
/// </para>
/// </summary>
public sealed class RecentOverviews(TimeProvider time)
{
    /// <summary>How long a composed overview is handed out again before the next one is composed.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMilliseconds(500);

    /// <summary>How long after it was started an overview may still be handed out while the next one is composed.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromSeconds(2);

    // Office and auditor staff read the overview; a bound keeps a flood of distinct viewers from growing the map.
    private const int Capacity = 256;

    private readonly Lock gate = new();
    private readonly Dictionary<(Viewer Viewer, DateOnly Today), Entry> entries = [];

    /// <summary>What the visibility policy decides on: the viewer without its user's name.</summary>
    public static Viewer ClassOf(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer with { User = null };
    }

    public async Task<DistrictOverview> GetAsync(Viewer viewer, DateOnly today, Func<Task<DistrictOverview>> compose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(compose);
        var key = (ClassOf(viewer), today);
        Task<DistrictOverview> shared;
        lock (gate)
        {
            var now = time.GetTimestamp();
            if (!entries.TryGetValue(key, out var entry)
                || entry.Overview.IsFaulted || entry.Overview.IsCanceled
                || (entry.Overview.IsCompleted && time.GetElapsedTime(entry.Started, now) >= Freshness))
            {
                if (entries.Count >= Capacity)
                {
                    entries.Clear();
                }

                // The one being replaced, if it was composed, is handed out while the next one runs (within Stale).
                var previous = entry?.Overview.IsCompletedSuccessfully == true ? new Composed(entry.Overview, entry.Started) : entry?.Previous;
                // Not the first reader's token: others wait on the same composition.
                entry = new Entry(Task.Run(compose, CancellationToken.None), now, previous);
                entries[key] = entry;
            }

            shared = !entry.Overview.IsCompleted && entry.Previous is { } last && time.GetElapsedTime(last.Started, now) < Stale
                ? last.Overview
                : entry.Overview;
        }

        return await shared.WaitAsync(ct);
    }

    /// <summary>A composition that completed successfully, kept to be handed out while the next one runs.</summary>
    private sealed record Composed(Task<DistrictOverview> Overview, long Started);

    private sealed record Entry(Task<DistrictOverview> Overview, long Started, Composed? Previous);
}
