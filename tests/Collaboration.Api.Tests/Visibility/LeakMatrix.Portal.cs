using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Visibility;

/// <summary>
/// The matrix's portal part: every address the open-government portal answers (read from the app's routing table,
/// so a new portal page joins by itself), each id filled with every id of its kind. The portal is anonymous and reads
/// as the public whatever credentials come with the request, so it is scanned for the anonymous caller.
/// </summary>
public sealed partial class LeakMatrix
{
    private List<MatrixRequest> PortalPages(List<string> operations)
    {
        var routes = app.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => r.StartsWith("/open", StringComparison.Ordinal) || r == "/sitemap.xml")
            .Distinct()
            .Order(StringComparer.Ordinal);
        var pages = new List<MatrixRequest>();
        foreach (var route in routes)
        {
            var operation = $"PORTAL {route}";
            operations.Add(operation);
            // The catch-all answers the portal's 404 page: one address stands for all.
            var template = RouteParameter().Replace(route.Replace("{**rest}", "no-such-page", StringComparison.Ordinal), m => $"{{{m.Groups["name"].Value}}}");
            var parameters = RouteParameter().Matches(template).Select(m => m.Groups["name"].Value).ToList();
            pages.AddRange(Bind(template, parameters, operation).Select(path => new MatrixRequest(operation, path)));
        }

        return pages;
    }

    private async Task RunPortalAsync(IReadOnlyList<LeakCaller> callers, IReadOnlyList<Secret> secrets, List<MatrixRequest> pages)
    {
        var anonymous = callers.Single(c => c.Kind == CallerKind.Anonymous);
        var withheld = LeakOracle.WithheldFrom(anonymous, secrets);
        using var client = Client(anonymous);
        await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = _stop.Token }, async (page, ct) =>
        {
            using var response = await client.GetAsync(new Uri(page.Url, UriKind.Relative), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            Count(page.Operation, anonymous, (int)response.StatusCode);
            Scan(anonymous, $"PORTAL {page.Url}", body, secrets, withheld);
        });
    }
}
