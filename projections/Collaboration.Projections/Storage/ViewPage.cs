using Collaboration.Projections.Running;

namespace Collaboration.Projections.Storage;

/// <summary>
/// A page of documents, where the next one starts (null on the last page), and how many documents the query's
/// audiences and filters admit in all (counted by the store, not by reading them; -1 when the query did not ask for it,
/// <see cref="ViewPageQuery.CountTotal"/>).
/// </summary>
public sealed record ViewPage(IReadOnlyList<StoredView> Items, ViewCursor? Next, long Total);
