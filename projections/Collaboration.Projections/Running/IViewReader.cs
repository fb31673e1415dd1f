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

    /// <summary>A feed's newest entries (<see cref="FeedEntry"/> documents) visible to <paramref name="audiences"/>, newest first.</summary>
    Task<IReadOnlyList<StoredView>> LatestAsync(string view, IReadOnlySet<string>? audiences, int limit, CancellationToken ct = default);

    /// <summary>
    /// Documents of every view changed after <paramref name="sincePosition"/>, tombstones included, in position order, reading
    /// at most <paramref name="maxRows"/> rows (more only when one position alone changed more documents than that, since a
    /// position is never split across pages). Continue from <see cref="StoredChanges.Next"/> while <see cref="StoredChanges.HasMore"/>.
    /// </summary>
    Task<StoredChanges> ChangedSinceAsync(long sincePosition, IReadOnlySet<string>? audiences, int maxRows, CancellationToken ct = default);
}
