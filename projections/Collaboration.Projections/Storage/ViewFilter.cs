namespace Collaboration.Projections.Storage;

/// <summary>How a <see cref="ViewFilter"/> compares a field's text (ordinal; a missing or null field reads as "").</summary>
public enum ViewFilterKind
{
    /// <summary>The field equals one of the values.</summary>
    AnyOf = 1,

    /// <summary>The field is set and sorts before the value (a date before a day).</summary>
    Before = 2,

    /// <summary>The field sorts at or after the value.</summary>
    NotBefore = 3,
}

/// <summary>
/// A condition on one string-valued field of a document (an id, an enum name, an ISO date), by its camelCase path
/// (<c>commitment.dueDate</c>). Numbers and booleans are not compared: their text would not sort as they do.
/// </summary>
public sealed record ViewFilter(string Field, ViewFilterKind Kind, IReadOnlyList<string> Values)
{
    /// <summary>
    /// True when the stores lead an index with this field, ahead of the sort field: an equality whose value picks a small part
    /// of a view that the other filters would reject row by row on a walk of the sort index alone. Each (view, field, sort
    /// field) costs one more index on every write of that view, so only a query that needs it asks (<see cref="Equal"/>).
    /// </summary>
    public bool Seeks { get; init; }

    public static ViewFilter AnyOf(string field, params string[] values) => new(field, ViewFilterKind.AnyOf, values);

    /// <summary>The field equals <paramref name="value"/>, and the page seeks to it through an index led by the field (<see cref="Seeks"/>).</summary>
    public static ViewFilter Equal(string field, string value) => new(field, ViewFilterKind.AnyOf, [value]) { Seeks = true };

    public static ViewFilter Before(string field, string value) => new(field, ViewFilterKind.Before, [value]);

    public static ViewFilter NotBefore(string field, string value) => new(field, ViewFilterKind.NotBefore, [value]);

    /// <summary>True when every one of <paramref name="filters"/> admits the document's field it tests.</summary>
    public static bool AllAdmit(IEnumerable<ViewFilter> filters, string json)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(json);
        foreach (var filter in filters)
        {
            if (!filter.Admits(ViewFields.Text(json, filter.Field)))
            {
                return false;
            }
        }

        return true;
    }

    public bool Admits(string text) => Kind switch
    {
        ViewFilterKind.AnyOf => Values.Contains(text, StringComparer.Ordinal),
        ViewFilterKind.Before => text.Length > 0 && string.CompareOrdinal(text, Values[0]) < 0,
        ViewFilterKind.NotBefore => string.CompareOrdinal(text, Values[0]) >= 0,
        _ => false,
    };
}
