using Collaboration.Projections.Storage;

namespace Collaboration.Projections.Running;

/// <summary>
/// Query side of the read models, identical for SQLite and in memory. <c>audiences</c> null means "everything"
/// (office, auditor, system); otherwise only documents whose scope meets one of them are returned.
/// </summary>
public interface IViewReader
{
    Task<StoredView?> GetAsync(string view, string key, CancellationToken ct = default);

    /// <summary>Live (non-removed) documents of a view, ordered by key.</summary>
    Task<IReadOnlyList<StoredView>> ListAsync(string view, IReadOnlySet<string>? audiences, CancellationToken ct = default);

    /// <summary>
    /// One page of a view's live documents in the query's order, with the total the query admits. A store walks an index on
    /// the sort field from the cursor, so a page costs about the same however many documents the view holds.
    /// </summary>
    Task<ViewPage> PageAsync(ViewPageQuery query, CancellationToken ct = default);

    /// <summary>
    /// How many live documents the query admits (its <see cref="ViewPageQuery.Audiences"/> included), as
    /// <see cref="ViewPage.Total"/> of its page; a store that can count without reading a page says so by overriding this.
    /// </summary>
    async Task<long> CountAsync(ViewPageQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (await PageAsync(query with { Limit = 1, CountTotal = true }, ct)).Total;
    }

    /// <summary>
    /// One pass over every live document the query admits (its sort, cursor and limit aside): per text of the
    /// <paramref name="groupBy"/> field ("" when missing, or one group of all when null), how many documents and the
    /// <paramref name="sums"/> over them. A portfolio's counts by stage and its completion are one tally, not a count per
    /// figure. A store that can tally without handing back the documents says so by overriding this.
    /// </summary>
    async Task<IReadOnlyDictionary<string, ViewTally>> TallyAsync(ViewPageQuery query, string? groupBy, IReadOnlyList<ViewSum> sums, CancellationToken ct = default) =>
        (await TallyClassesAsync(query, [ViewClass.Everything], groupBy, sums, ct))[ViewClass.Everything.Name];

    /// <summary>
    /// One pass over every live document the query admits, each put in the first of <paramref name="classes"/> whose filters
    /// all admit it (documents no class admits are left out): per class name, the <see cref="TallyAsync"/> of its documents
    /// by <paramref name="groupBy"/>. A store that can classify where the documents lie says so by overriding this.
    /// </summary>
    async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewTally>>> TallyClassesAsync(
        ViewPageQuery query, IReadOnlyList<ViewClass> classes, string? groupBy, IReadOnlyList<ViewSum> sums, CancellationToken ct = default)
    {
        ViewSum.ValidateTally(query, groupBy, sums);
        ViewClass.Validate(classes);
        var tallies = classes.Select(_ => new ViewTallies(sums.Count)).ToArray();
        var adds = new decimal[sums.Count];
        var page = query with { After = null, Limit = 500, CountTotal = false };
        do
        {
            var read = await PageAsync(page, ct);
            foreach (var document in read.Items)
            {
                if (ViewClass.Of(classes, document.Json!) is var c and >= 0)
                {
                    for (var i = 0; i < sums.Count; i++)
                    {
                        adds[i] = sums[i].Of(document.Json!);
                    }

                    tallies[c].Add(groupBy is null ? "" : ViewFields.Text(document.Json!, groupBy), adds);
                }
            }

            page = read.Next is { } next ? page with { After = next } : null;
        }
        while (page is not null);

        return ViewTallies.ByClass(classes, tallies);
    }

    /// <summary>A feed's newest entries (<see cref="FeedEntry"/> documents) visible to <paramref name="audiences"/>, newest first.</summary>
    Task<IReadOnlyList<StoredView>> LatestAsync(string view, IReadOnlySet<string>? audiences, int limit, CancellationToken ct = default);

    /// <summary>
    /// Documents of every view changed after <paramref name="sincePosition"/>, tombstones included, in position order, reading
    /// at most <paramref name="maxRows"/> rows (more only when one position alone changed more documents than that, since a
    /// position is never split across pages). Continue from <see cref="StoredChanges.Next"/> while <see cref="StoredChanges.HasMore"/>.
    /// </summary>
    Task<StoredChanges> ChangedSinceAsync(long sincePosition, IReadOnlySet<string>? audiences, int maxRows, CancellationToken ct = default);
}
