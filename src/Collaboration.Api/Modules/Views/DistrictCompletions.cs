using Collaboration.Api.Application;
using Collaboration.Api.Live;
using Collaboration.Domain.Visibility;

namespace Collaboration.Api.Modules.Views;

/// <summary>
/// The district's weighted completion as each viewer was last given it, kept until the commitment details commit again.
/// It is the one overview figure the store cannot count: it adds up the weight and progress of every commitment that counts,
/// reading each one's JSON where it lies (20,000 of them at the lists' target). Keyed by the whole <see cref="Viewer"/> the
/// visibility policy decides on, as <see cref="RecentOverviews"/> is, so a figure is only handed to a viewer the policy
/// gave exactly the same documents; a stamp read before the figure is computed makes a commit in between leave the figure
/// newer than its stamp, never older.
/// </summary>
public sealed class DistrictCompletions
{
    // Office and auditor staff read the overview; a bound keeps a flood of distinct viewers from growing the map.
    private const int Capacity = 256;

    private static readonly string[] Views = [ViewNames.MemorandumLine];

    private readonly Lock gate = new();
    private readonly Dictionary<Viewer, (string Stamp, decimal Completion)> entries = [];

    public async Task<decimal> GetAsync(IViewQueries queries, Caller caller, Func<Task<decimal>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(compute);
        var viewer = caller.ToViewer();
        var stamp = await queries.StampAsync(Views, ct);
        lock (gate)
        {
            if (stamp is not null && entries.TryGetValue(viewer, out var kept) && kept.Stamp == stamp)
            {
                return kept.Completion;
            }
        }

        var completion = await compute();
        if (stamp is not null)
        {
            lock (gate)
            {
                if (entries.Count >= Capacity && !entries.ContainsKey(viewer))
                {
                    entries.Clear();
                }

                entries[viewer] = (stamp, completion);
            }
        }

        return completion;
    }
}
