namespace Collaboration.Api.Spreadsheets;

/// <summary>A worksheet: a name (at most 31 characters, as Excel allows), one header row and the data rows.</summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<SheetCell>> Rows)
{
    /// <summary>Excel refuses longer sheet names and these characters in them.</summary>
    public const int MaxNameLength = 31;

    public static Sheet Of(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<SheetCell>> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > MaxNameLength || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0)
        {
            throw new ArgumentException($"'{name}' is not a valid worksheet name.", nameof(name));
        }

        var list = rows.ToList();
        if (list.FirstOrDefault(r => r.Count != headers.Count) is { } ragged)
        {
            throw new ArgumentException($"Sheet '{name}' has {headers.Count} headers but a row of {ragged.Count} cells.", nameof(rows));
        }

        return new Sheet(name, headers, list);
    }
}
