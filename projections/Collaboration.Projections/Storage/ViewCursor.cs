namespace Collaboration.Projections.Storage;

/// <summary>Where a page ended: the last document's sort value and key. The next page starts strictly after it.</summary>
public sealed record ViewCursor(string SortValue, string Key)
{
    /// <summary>Whether (<paramref name="sortValue"/>, <paramref name="key"/>) comes after this cursor in the sort's direction.</summary>
    public bool IsBefore(string sortValue, string key, bool descending)
    {
        var order = string.CompareOrdinal(sortValue, SortValue);
        if (order == 0)
        {
            order = string.CompareOrdinal(key, Key);
        }

        return descending ? order < 0 : order > 0;
    }
}
