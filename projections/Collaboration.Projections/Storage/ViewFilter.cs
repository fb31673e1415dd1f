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
    public static ViewFilter AnyOf(string field, params string[] values) => new(field, ViewFilterKind.AnyOf, values);

    public static ViewFilter Before(string field, string value) => new(field, ViewFilterKind.Before, [value]);

    public static ViewFilter NotBefore(string field, string value) => new(field, ViewFilterKind.NotBefore, [value]);

    public bool Admits(string text) => Kind switch
    {
        ViewFilterKind.AnyOf => Values.Contains(text, StringComparer.Ordinal),
        ViewFilterKind.Before => text.Length > 0 && string.CompareOrdinal(text, Values[0]) < 0,
        ViewFilterKind.NotBefore => string.CompareOrdinal(text, Values[0]) >= 0,
        _ => false,
    };
}
