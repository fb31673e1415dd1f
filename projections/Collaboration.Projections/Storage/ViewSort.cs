namespace Collaboration.Projections.Storage;

/// <summary>The order of a page: one string-valued field (see <see cref="ViewFilter"/>), then the key, both ascending or both descending.</summary>
public sealed record ViewSort(string Field, bool Descending = false);
