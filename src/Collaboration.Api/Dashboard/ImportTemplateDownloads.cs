using Collaboration.Api.Application;
using Collaboration.Api.Http;
using Collaboration.Api.Modules.Imports;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Dashboard;

/// <summary>
/// The import templates for the dashboard's import page, behind the dashboard's cookie (the /api copies take a bearer
/// token, which a browser link cannot send). Office only, like the page; the files are <see cref="ImportTemplate"/>'s.
/// </summary>
public static class ImportTemplateDownloads
{
    public const string XlsxPath = "/import/template.xlsx";

    public const string CsvPath = "/import/template.csv";

    public static string Href(string path, ImportKind kind, Language language) =>
        $"{path}?kind={kind.ToString().ToLowerInvariant()}&lang={DashboardLanguageCookie.Value(language)}";

    public static void MapImportTemplateDownloads(this WebApplication app)
    {
        app.MapGet(XlsxPath, (string? kind, string? lang, HttpContext http) =>
                Refusal(http, kind, lang, out var k, out var l) ?? Results.File(ImportTemplate.Xlsx(k, l),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ImportTemplate.FileName(k, l, "xlsx")))
            .RequireAuthorization(DashboardSetup.Policy)
            .ExcludeFromDescription();
        app.MapGet(CsvPath, (string? kind, string? lang, HttpContext http) =>
                Refusal(http, kind, lang, out var k, out var l) ?? Results.File(
                    // A byte-order mark, so Excel opens the Chinese headers as UTF-8.
                    [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(ImportTemplate.Csv(k, l))],
                    "text/csv; charset=utf-8", ImportTemplate.FileName(k, l, "csv")))
            .RequireAuthorization(DashboardSetup.Policy)
            .ExcludeFromDescription();
    }

    private static IResult? Refusal(HttpContext http, string? kind, string? lang, out ImportKind importKind, out Language language)
    {
        importKind = ImportKind.Partners;
        language = Language.Zh;
        if (RequestCaller.Of(http) is not { IsOffice: true })
        {
            return Problems.Forbidden("Only the district office imports spreadsheets.");
        }

        switch (kind?.Trim().ToLowerInvariant())
        {
            case "partners":
                importKind = ImportKind.Partners;
                break;
            case "commitments":
                importKind = ImportKind.Commitments;
                break;
            default:
                return Invalid(ImportFailures.KindInvalid);
        }

        switch (lang?.Trim().ToLowerInvariant())
        {
            case "zh" or null or "":
                language = Language.Zh;
                return null;
            case "en":
                language = Language.En;
                return null;
            default:
                return Invalid(ImportFailures.LanguageInvalid);
        }
    }

    private static IResult Invalid(ImportFailure failure) =>
        Problems.Create(failure.Status, failure.Message.En ?? failure.Code, failure.Code, failure.Message);
}
