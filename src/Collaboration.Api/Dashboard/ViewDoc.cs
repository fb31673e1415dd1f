using System.Globalization;
using System.Text.Json;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Dashboard;

/// <summary>
/// Read access to a view document's camelCase JSON by path (<c>"commitment.dueDate"</c>). Pages read documents
/// through this instead of binding them to classes so that a field a view adds later is simply ignored and a field
/// it drops shows as empty, never as a broken page.
/// </summary>
public readonly record struct ViewDoc(JsonElement Element)
{
    public bool Exists => Element.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);

    public ViewDoc this[string path]
    {
        get
        {
            var current = Element;
            foreach (var name in path.Split('.'))
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                {
                    return default;
                }
            }

            return new ViewDoc(current);
        }
    }

    /// <summary>The first of <paramref name="paths"/> that exists (views name the same fact differently).</summary>
    public ViewDoc First(params string[] paths)
    {
        foreach (var path in paths)
        {
            if (this[path] is { Exists: true } found)
            {
                return found;
            }
        }

        return default;
    }

    public string? String => Element.ValueKind switch
    {
        JsonValueKind.String => Element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Element.GetRawText(),
        _ => null,
    };

    public decimal? Decimal => Element.ValueKind == JsonValueKind.Number && Element.TryGetDecimal(out var value) ? value : null;

    public int? Int => Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var value) ? value : null;

    public bool Bool => Element.ValueKind == JsonValueKind.True;

    public DateOnly? Date =>
        String is { } text && DateOnly.TryParse(text.Length >= 10 ? text[..10] : text, CultureInfo.InvariantCulture, out var date) ? date : null;

    public DateTimeOffset? Instant =>
        String is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    public Guid? Guid => System.Guid.TryParse(String, out var id) ? id : null;

    public IEnumerable<ViewDoc> Items => Element.ValueKind == JsonValueKind.Array
        ? Element.EnumerateArray().Select(e => new ViewDoc(e))
        : [];

    public IEnumerable<(string Name, ViewDoc Value)> Properties => Element.ValueKind == JsonValueKind.Object
        ? Element.EnumerateObject().Select(p => (p.Name, new ViewDoc(p.Value)))
        : [];

    /// <summary>
    /// Bilingual text (<c>{ "zh": …, "en": … }</c>) in <paramref name="language"/>, falling back to the other language
    /// with a marker as the domain does; a plain string is returned as is.
    /// </summary>
    public string Text(Language language)
    {
        if (Element.ValueKind == JsonValueKind.Object && (this["zh"].Exists || this["en"].Exists))
        {
            return new BilingualText(this["zh"].String, this["en"].String).In(language);
        }

        return String ?? string.Empty;
    }

    /// <summary>The value as bilingual text; a plain string counts for both languages.</summary>
    public BilingualText Bilingual => Element.ValueKind == JsonValueKind.String
        ? new BilingualText(String, String)
        : new BilingualText(this["zh"].String, this["en"].String);

    /// <summary>
    /// The object under <paramref name="name"/> when the document wraps one (<c>{ "case": { … }, "workingDaysLeft": 3 }</c>),
    /// otherwise the document itself. A non-object under that name (e.g. <c>"case": "&lt;id&gt;"</c>) is not a wrapper.
    /// </summary>
    public ViewDoc Unwrap(string name) => this[name].Element.ValueKind == JsonValueKind.Object ? this[name] : this;

    public static ViewDoc Of(JsonElement element) => new(element);
}
