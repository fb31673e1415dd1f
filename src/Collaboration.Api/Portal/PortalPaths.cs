using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Portal;

/// <summary>
/// The portal's stable addresses: Chinese under <c>/open</c>, English under <c>/open/en</c>, the same page at the same
/// path in both. Links, the sitemap and the feed are all built here so a page never has two addresses.
/// </summary>
public static class PortalPaths
{
    public const string Root = "/open";

    public const string Sitemap = "/sitemap.xml";

    public static Language[] Languages { get; } = [Language.Zh, Language.En];

    public static string Home(Language language) => language == Language.Zh ? Root : $"{Root}/en";

    public static string Memorandum(Language language, Guid id) => $"{Home(language)}/memoranda/{id:D}";

    public static string Policies(Language language) => $"{Home(language)}/policies";

    public static string Answers(Language language) => $"{Home(language)}/answers";

    public static string AnswersFeed(Language language) => $"{Home(language)}/answers.atom";

    /// <summary>The same page in the other language: the language switch.</summary>
    public static string InOther(Language language, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return language == Language.Zh
            ? Home(Language.En) + path[Root.Length..]
            : Root + path[Home(Language.En).Length..];
    }

    /// <summary>The <c>lang</c> attribute of a page in <paramref name="language"/>.</summary>
    public static string Lang(Language language) => language == Language.Zh ? "zh-CN" : "en";
}
