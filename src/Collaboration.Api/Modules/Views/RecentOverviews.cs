using Collaboration.Domain.Visibility;
using Collaboration.Projections.Overview;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// The overview each viewer was last given, reused for <see cref="Freshness"/> after it was started. Its counts change with
/// every commit of five views, and at a working office's pace (16 commands/s in the load driver's day) the store's count
/// cache (ADR 0023) was stale on nearly every read: each overview recounted some twenty figures. An overview is therefore
/// at most <see cref="Freshness"/> plus one composition older than the projections — the same kind of lag the lists
/// already have behind a write (ADR 0028, the day/push amendment). Readers arriving while one composition runs share it.
/// The key is the whole <see cref="Viewer"/> the visibility policy decides on, so a figure is only ever handed to a
/// viewer the policy gave exactly the same answer; the figures are counts and dates, never personal data.
/// </summary>
public sealed class RecentOverviews(TimeProvider time)
{
    /// <summary>How long a composed overview is handed out again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMilliseconds(500);

    // Office and auditor staff read the overview; a bound keeps a flood of distinct viewers from growing the map.
    private const int Capacity = 256;

    private readonly Lock gate = new();
    private readonly Dictionary<(Viewer Viewer, DateOnly Today), Entry> entries = [];

    public async Task<DistrictOverview> GetAsync(Viewer viewer, DateOnly today, Func<Task<DistrictOverview>> compose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(compose);
        Task<DistrictOverview> shared;
        lock (gate)
        {
            var now = time.GetTimestamp();
            if (!entries.TryGetValue((viewer, today), out var entry)
                || entry.Overview.IsFaulted || entry.Overview.IsCanceled
                || (entry.Overview.IsCompleted && time.GetElapsedTime(entry.Started, now) >= Freshness))
            {
                if (entries.Count >= Capacity)
                {
                    entries.Clear();
                }

                // Not the first reader's token: others wait on the same composition.
                entry = new Entry(Task.Run(compose, CancellationToken.None), now);
                entries[(viewer, today)] = entry;
            }

            shared = entry.Overview;
        }

        return await shared.WaitAsync(ct);
    }

    private sealed record Entry(Task<DistrictOverview> Overview, long Started);
}
