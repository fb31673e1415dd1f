using Collaboration.Domain.Kernel;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Api.Modules.Sheets;

/// <summary>
/// The language of an exported workbook: <c>?lang=zh|en</c> when given, else the browser's Accept-Language, else
/// Chinese — the district's own language, in which reports are handed upward.
/// </summary>
public static class SheetLanguage
{
    public static bool TryRead(string? lang, HttpRequest request, out Language language, out IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        errors = new Dictionary<string, string[]>();
        if (lang is not null)
        {
            switch (lang.Trim().ToLowerInvariant())
            {
                case "zh":
                case "zh-cn":
                    language = Language.Zh;
                    return true;
                case "en":
                    language = Language.En;
                    return true;
                default:
                    language = Language.Zh;
                    errors = new Dictionary<string, string[]> { ["lang"] = ["Use zh or en. 请使用 zh 或 en。"] };
                    return false;
            }
        }

        language = FromAcceptLanguage(request);
        return true;
    }

    private static Language FromAcceptLanguage(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var accepted))
        {
            return Language.Zh;
        }

        foreach (var tag in accepted.OrderByDescending(a => a.Quality ?? 1.0).Select(a => a.Value.Value ?? string.Empty))
        {
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Language.Zh;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Language.En;
            }
        }

        return Language.Zh;
    }
}
