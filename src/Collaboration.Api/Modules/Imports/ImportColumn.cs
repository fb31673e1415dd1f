using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// One column of an import sheet: its key (the English header in the CSV template), its headers in both languages
/// (either is accepted on upload, so a sheet made from either template reads), and what goes in it.
/// </summary>
public sealed record ImportColumn(string Key, string Zh, string En, bool Required, BilingualText Hint)
{
    public string Header(Language language) => language == Language.Zh ? Zh : En;

    /// <summary>True when <paramref name="header"/> names this column in either language (or by key), ignoring case, spaces and a trailing '*'.</summary>
    public bool Matches(string header)
    {
        var h = Clean(header);
        return string.Equals(h, Clean(Key), StringComparison.OrdinalIgnoreCase)
            || string.Equals(h, Clean(Zh), StringComparison.OrdinalIgnoreCase)
            || string.Equals(h, Clean(En), StringComparison.OrdinalIgnoreCase);
    }

    private static string Clean(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).TrimEnd('*');
}
