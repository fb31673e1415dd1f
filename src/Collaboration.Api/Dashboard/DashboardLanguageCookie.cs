using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Dashboard;

/// <summary>
/// The dashboard's chosen language as a cookie, so the first server render (prerendering, before any circuit exists)
/// is already in that language, <c>lang</c> attribute included. The circuit writes it when the language is chosen;
/// the server only reads it. Not HttpOnly (script writes it), SameSite=Lax, a year long. The portal does not read it:
/// its language is in its address.
/// </summary>
public static class DashboardLanguageCookie
{
    public const string Name = "collaboration.language";

    public static Language? Read(HttpContext? http) =>
        http?.Request.Cookies[Name] switch
        {
            "zh" => Language.Zh,
            "en" => Language.En,
            _ => null,
        };

    public static string Value(Language language) => language == Language.Zh ? "zh" : "en";

    /// <summary>The document's <c>lang</c> for a language.</summary>
    public static string Lang(Language language) => language == Language.Zh ? "zh-CN" : "en";
}
