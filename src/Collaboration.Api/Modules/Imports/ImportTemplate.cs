using System.Text;
using Collaboration.Api.Spreadsheets;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Modules.Imports;

/// <summary>
/// The downloadable template: the first sheet carries the headers in the chosen language (the sheet the import
/// reads), the second explains each column and its allowed values. The CSV template is the header row alone.
/// </summary>
public static class ImportTemplate
{
    public static byte[] Xlsx(ImportKind kind, Language language)
    {
        var columns = ImportColumns.Of(kind);
        var zh = language == Language.Zh;
        var data = Sheet.Of(kind == ImportKind.Partners ? (zh ? "合作单位" : "Partners") : (zh ? "承诺事项" : "Commitments"),
            [.. columns.Select(c => c.Header(language))], []);
        var notes = Sheet.Of(zh ? "填写说明" : "Notes",
            zh ? ["列", "必填", "说明"] : ["Column", "Required", "Notes"],
            columns.Select(c => (IReadOnlyList<SheetCell>)[
                SheetCell.Of(c.Header(language)),
                SheetCell.Of(c.Required ? (zh ? "是" : "yes") : (zh ? "否" : "no")),
                SheetCell.Of(c.Hint.In(language)),
            ]));
        return XlsxWriter.Write([data, notes]);
    }

    public static string Csv(ImportKind kind, Language language) =>
        string.Join(',', ImportColumns.Of(kind).Select(c => Quote(c.Header(language)))) + "\r\n";

    public static string FileName(ImportKind kind, Language language, string extension) =>
        $"import-{kind.ToString().ToLowerInvariant()}-template-{(language == Language.Zh ? "zh" : "en")}.{extension}";

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
