using System.Text.Encodings.Web;
using System.Text.Unicode;
using Collaboration.Api.Portal.Components;
using Collaboration.Domain.Kernel;

namespace Collaboration.Api.Portal;

/// <summary>
/// The open-government portal (<c>/open</c>, <c>/open/en</c>): anonymous, server-rendered pages of what the office has
/// published, read through the visibility policy's public row (<see cref="PortalReader"/>). ADR 0018.
/// </summary>
public static class PortalSetup
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        // Chinese is written as characters, not as &#x...; entities: the pages are UTF-8 and half their readers read
        // Chinese (and the pages stay half the size). Markup characters are still encoded.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services.AddSingleton<PortalReader>();
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        var portal = app.MapGroup("").AllowAnonymous().ExcludeFromDescription().WithTags("Portal");
        foreach (var language in PortalPaths.Languages)
        {
            var text = PortalText.For(language);
            portal.MapGet(PortalPaths.Home(language), async (HttpContext http, PortalReader reader, CancellationToken ct) =>
                await PortalResponse.PageAsync<HomePage>(http, new()
                {
                    [nameof(HomePage.Text)] = text,
                    [nameof(HomePage.Memoranda)] = await reader.MemorandaAsync(ct),
                    [nameof(HomePage.Answers)] = await reader.AnswersAsync(ct),
                }));

            portal.MapGet(PortalPaths.Home(language) + "/memoranda/{id:guid}", async (Guid id, HttpContext http, PortalReader reader, CancellationToken ct) =>
                await reader.MemorandumAsync(id, ct) is { } memorandum
                    ? await PortalResponse.PageAsync<MemorandumPage>(http, new() { [nameof(MemorandumPage.Text)] = text, [nameof(MemorandumPage.Memorandum)] = memorandum })
                    : await NotFoundAsync(http, text));

            portal.MapGet(PortalPaths.Policies(language), async (HttpContext http, PortalReader reader, CancellationToken ct) =>
                await PortalResponse.PageAsync<PoliciesPage>(http, new() { [nameof(PoliciesPage.Text)] = text, [nameof(PoliciesPage.Policies)] = await reader.PoliciesAsync(ct), [nameof(PoliciesPage.Points)] = await reader.PublicityPointsAsync(ct) }));

            portal.MapGet(PortalPaths.Answers(language), async (HttpContext http, PortalReader reader, CancellationToken ct) =>
                await PortalResponse.PageAsync<AnswersPage>(http, new() { [nameof(AnswersPage.Text)] = text, [nameof(AnswersPage.Answers)] = await reader.AnswersAsync(ct) }));

            portal.MapGet(PortalPaths.AnswersFeed(language), async (HttpContext http, PortalReader reader, CancellationToken ct) =>
                PortalResponse.Text(PortalFeeds.AnswersFeed(Origin(http), language, await reader.AnswersAsync(ct), reader.Today), "application/atom+xml; charset=utf-8"));

            // Anything else under the portal answers the portal's own 404 page, in the language of the address.
            portal.MapGet(PortalPaths.Home(language) + "/{**rest}", (string? rest, HttpContext http) => NotFoundAsync(http, text));
        }

        portal.MapGet(PortalPaths.Sitemap, async (HttpContext http, PortalReader reader, CancellationToken ct) =>
        {
            var memoranda = (await reader.MemorandaAsync(ct)).Select(m => m["id"].Guid).OfType<Guid>().ToList();
            return PortalResponse.Text(PortalFeeds.Sitemap(Origin(http), memoranda), "application/xml; charset=utf-8");
        });
        return app;
    }

    private static Task<PortalResponse> NotFoundAsync(HttpContext http, PortalText text) =>
        PortalResponse.PageAsync<NotFoundPage>(http, new() { [nameof(NotFoundPage.Text)] = text }, StatusCodes.Status404NotFound);

    /// <summary>The address the caller used (behind a trusted proxy, the forwarded one), for the feed's and sitemap's absolute links.</summary>
    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
