using Collaboration.Api.Application;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Live;

/// <summary>
/// Reads read-model documents with the caller's scope applied: office and auditor see everything, a partner
/// only documents its organisation is party to or owns, an observer its own documents and public ones.
/// The list endpoints, the hub's catch-up and the dashboard all read through this.
/// </summary>
public interface IViewQueries
{
    /// <summary>One document, or null when it does not exist or the caller may not see it (the two are not told apart).</summary>
    Task<ViewChange?> GetAsync(Caller caller, string view, string key, CancellationToken ct = default);

    /// <summary>Every document of a view the caller may see, ordered by key.</summary>
    Task<IReadOnlyList<ViewChange>> ListAsync(Caller caller, string view, CancellationToken ct = default);

    /// <summary>
    /// One page of a view's documents the caller may see, redacted as on <see cref="GetAsync"/>, and how many the caller may
    /// see in all. The caller's audiences replace the query's: which documents count is the policy's decision, never the caller's.
    /// </summary>
    Task<VisiblePage<ViewChange>> PageAsync(Caller caller, ViewPageQuery query, CancellationToken ct = default);

    /// <summary>
    /// Where the views' documents stand (each one's active generation and the checkpoint that last changed it) as one opaque
    /// stamp, null when one has none. A view's documents change only in a transaction that moves its checkpoint (ADR 0004)
    /// and then records that checkpoint as its change (<see cref="ProjectionGeneration.Changed"/>), so a figure derived from
    /// them and kept under the stamp read before it stays exact while the stamp is the same — through commits of other views.
    /// </summary>
    Task<string?> StampAsync(IReadOnlyList<string> views, CancellationToken ct = default);

    /// <summary>How many documents of the query the caller may see, as the <see cref="VisiblePage{T}.Total"/> of <see cref="PageAsync"/>, without reading any.</summary>
    Task<long> CountAsync(Caller caller, ViewPageQuery query, CancellationToken ct = default);

    /// <summary>The tally of the documents of the query the caller may see (<see cref="IViewReader.TallyAsync"/>), without reading any.</summary>
    Task<IReadOnlyDictionary<string, ViewTally>> TallyAsync(Caller caller, ViewPageQuery query, string? groupBy, IReadOnlyList<ViewSum> sums, CancellationToken ct = default);

    /// <summary>As <see cref="PageAsync"/>, unredacted, with the policy's verdict for a typed handler to apply.</summary>
    Task<VisiblePage<(StoredView Document, Verdict Verdict)>> PageWithVerdictsAsync(Caller caller, ViewPageQuery query, CancellationToken ct = default);

    /// <summary>A feed's newest entries the caller may see (the activity feed), newest first.</summary>
    Task<IReadOnlyList<ViewChange>> LatestAsync(Caller caller, string view, int limit, CancellationToken ct = default);

    /// <summary>
    /// Documents (of any view) changed after <paramref name="sincePosition"/> that the caller may see, in position order, from
    /// at most about <paramref name="maxRows"/> rows read; continue from the page's <c>Next</c>.
    /// </summary>
    Task<CatchUpPage> ChangedSinceAsync(Caller caller, long sincePosition, int maxRows, CancellationToken ct = default);

    /// <summary>A change as the caller may see it (redacted), or null when the policy refuses it: filters the in-process feed.</summary>
    Task<ViewChange?> ShowAsync(Caller caller, ViewChange change, CancellationToken ct = default);

    /// <summary>Every document of a view the caller may see, unredacted, with the policy's verdict for a typed handler to apply.</summary>
    Task<IReadOnlyList<(StoredView Document, Verdict Verdict)>> ListWithVerdictsAsync(Caller caller, string view, CancellationToken ct = default);
}
