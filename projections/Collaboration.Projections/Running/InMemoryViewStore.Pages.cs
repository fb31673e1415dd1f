using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Running;

// Pages in memory: every live document of the view is looked at (this store holds replays and tests, not 100,000 cases).
public sealed partial class InMemoryViewStore
{
    public Task<ViewPage> PageAsync(ViewPageQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        List<StoredView> admitted;
        lock (gate)
        {
            var generation = GenerationOf(query.View);
            admitted = [.. documents.Where(d => d.Key.Projection == query.View && d.Key.Generation == generation).Select(d => d.Value).Where(query.Admits)];
        }

        var sort = query.Sort;
        var keyed = admitted.Select(d => (Value: ViewFields.Text(d.Json!, sort.Field), Document: d));
        var ordered = sort.Descending
            ? keyed.OrderByDescending(d => d.Value, StringComparer.Ordinal).ThenByDescending(d => d.Document.Key, StringComparer.Ordinal)
            : keyed.OrderBy(d => d.Value, StringComparer.Ordinal).ThenBy(d => d.Document.Key, StringComparer.Ordinal);
        var page = ordered.Where(d => query.After is not { } after || after.IsBefore(d.Value, d.Document.Key, sort.Descending))
            .Take(query.Limit + 1)
            .ToList();
        var next = page.Count > query.Limit ? new ViewCursor(page[query.Limit - 1].Value, page[query.Limit - 1].Document.Key) : null;
        return Task.FromResult(new ViewPage([.. page.Take(query.Limit).Select(d => d.Document)], next, query.CountTotal ? admitted.Count : -1));
    }
}
