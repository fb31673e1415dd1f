using System.Collections;
using System.Collections.Immutable;
using Collaboration.Domain.Commitments;

namespace Collaboration.Domain.Visibility;

/// <summary>
/// A commitment's approved report ids, collected on first use. Only redacting a read asks for them; a view's scope never
/// does, yet the projections take a commitment's facts on every one of its events (a rebuild of a log whose commitments
/// carry tens of reports built a set per event, most of the activity projection's time).
/// </summary>
/// <remarks>The reports are an immutable list, so the set, once built, stays true; two threads building it at once build the same set.</remarks>
internal sealed class ApprovedReportIds(ImmutableList<ProgressReport> reports) : IReadOnlySet<Guid>
{
    private HashSet<Guid>? ids;

    private HashSet<Guid> Ids => ids ??= reports.Where(r => r.Status == ProgressReportStatus.Approved).Select(r => r.Id.Value).ToHashSet();

    public int Count => Ids.Count;

    public bool Contains(Guid item) => Ids.Contains(item);

    public bool IsProperSubsetOf(IEnumerable<Guid> other) => Ids.IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<Guid> other) => Ids.IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<Guid> other) => Ids.IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<Guid> other) => Ids.IsSupersetOf(other);

    public bool Overlaps(IEnumerable<Guid> other) => Ids.Overlaps(other);

    public bool SetEquals(IEnumerable<Guid> other) => Ids.SetEquals(other);

    public IEnumerator<Guid> GetEnumerator() => Ids.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
