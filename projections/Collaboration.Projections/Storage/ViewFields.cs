using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Projections.Storage;

/// <summary>
/// Field paths of documents as the stores use them in paged queries. Paths and view names are written into SQL and index
/// definitions as literals (an expression index only matches its own text), so only plain names pass.
/// </summary>
public static partial class ViewFields
{
    public static void ThrowIfNotAPath(string path)
    {
        if (!PathPattern().IsMatch(path))
        {
            throw new ArgumentException($"'{path}' is not a field path (camelCase names joined by dots).", nameof(path));
        }
    }

    public static void ThrowIfNotAName(string view)
    {
        if (!NamePattern().IsMatch(view))
        {
            throw new ArgumentException($"'{view}' is not a view name (lower-case letters, digits and dashes).", nameof(view));
        }
    }

    /// <summary>The path's segments (<c>commitment.dueDate</c> → commitment, dueDate).</summary>
    public static string[] Segments(string path) => path.Split('.');

    /// <summary>A field's text in a document: a string as is, anything else (missing, null, a number) as "".</summary>
    public static string Text(string json, string path)
    {
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        foreach (var segment in Segments(path))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                return "";
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : "";
    }

    /// <summary>A field's value when it is a JSON number, exactly as written (a decimal), else null.</summary>
    public static decimal? Number(string json, string path)
    {
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        foreach (var segment in Segments(path))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value) ? value : null;
    }

    /// <summary>A number as a store hands back its JSON text (<c>12.5</c>, <c>1E-3</c>), or null for anything else.</summary>
    public static decimal? ParseNumber(string? text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A stable, SQL-safe name for the index of a view's documents by a field.</summary>
    public static string IndexName(string view, string path) =>
        $"view_documents_page_{NotWord().Replace(view, "_")}_{NotWord().Replace(path, "_")}".ToLowerInvariant();

    /// <summary>
    /// The name of the index of a view's documents by a leading field, then the sort field. PostgreSQL keeps 63 bytes of a
    /// name, so a longer one ends in a hash of the whole instead of being cut to something another index could share.
    /// </summary>
    public static string IndexName(string view, string leading, string path)
    {
        var name = $"{IndexName(view, leading)}_then_{NotWord().Replace(path, "_")}".ToLowerInvariant();
        if (name.Length <= 63)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..12];
        return $"{name[..50]}_{hash}";
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,62}(\\.[a-z][A-Za-z0-9]{0,62}){0,3}$")]
    private static partial Regex PathPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NotWord();
}
