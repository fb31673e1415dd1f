namespace Collaboration.Projections.Running;

/// <summary>
/// One bounded page of <see cref="IViewReader.ChangedSinceAsync"/>: the visible documents among the rows read, the position
/// to continue from (every change up to it has been looked at, visible or not) and whether more may follow it.
/// </summary>
public sealed record StoredChanges(IReadOnlyList<StoredView> Changes, long Next, bool HasMore);
