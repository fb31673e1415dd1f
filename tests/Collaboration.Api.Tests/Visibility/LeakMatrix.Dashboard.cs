using System.Reflection;
using System.Text.RegularExpressions;
using Collaboration.Api.Dashboard.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using ComponentRoute = Microsoft.AspNetCore.Components.RouteAttribute;

namespace Collaboration.Api.Tests.Visibility;

/// <summary>The matrix's dashboard part: every routable page, signed in as each caller through the development form.</summary>
public sealed partial class LeakMatrix
{
    // ---------------------------------------------------------------- dashboard

    /// <summary>Every routable dashboard page (the @page routes of the components), each id parameter filled with every id of its kind.</summary>
    private List<MatrixRequest> DashboardPages(List<string> operations)
    {
        var pages = new List<MatrixRequest>();
        var routes = typeof(App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<ComponentRoute>())
            .Select(r => r.Template)
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var operation = $"PAGE {route}";
            operations.Add(operation);
            var parameters = RouteParameter().Matches(route).Select(m => m.Groups["name"].Value).ToList();
            var template = RouteParameter().Replace(route, m => $"{{{m.Groups["name"].Value}}}");
            var concrete = Bind(template.Replace("{Id}", "{id}", StringComparison.Ordinal), [.. parameters.Select(p => p == "Id" ? "id" : p)], operation);
            pages.AddRange(concrete.Select(path => new MatrixRequest(operation, path)));
        }

        return pages;
    }

    private async Task RunDashboardAsync(IReadOnlyList<LeakCaller> callers, IReadOnlyList<Secret> secrets, List<MatrixRequest> pages)
    {
        await Parallel.ForEachAsync(callers, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = _stop.Token }, async (caller, ct) =>
        {
            var withheld = LeakOracle.WithheldFrom(caller, secrets);
            if (withheld.Count == 0 && (caller.Kind != CallerKind.Office || _enough is not null))
            {
                _notes.Add($"{caller} has nothing withheld; its dashboard pages are not scanned");
                return;
            }

            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            if (caller.Kind != CallerKind.Anonymous)
            {
                await SignInAsync(client, caller, ct);
            }

            foreach (var page in pages)
            {
                var developmentOnly = page.Url == DevelopmentSignIn;
                using var response = await client.GetAsync(new Uri(page.Url, UriKind.Relative), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                Count(page.Operation, caller, (int)response.StatusCode);
                if (developmentOnly)
                {
                    // Its purpose is to sign in as any partner or observer, so it lists them; it is served only where
                    // DashboardSetup.AllowsDevelopmentSignIn (Development, Testing). Reported, not counted.
                    var listed = withheld.Where(secret => Appears(secret, body)).ToList();
                    if (listed.Count > 0)
                    {
                        _notes.Add($"{DevelopmentSignIn} (development only) shows {caller} {string.Join(", ", listed.Select(l => l.Kind).Distinct())}");
                    }

                    continue;
                }

                Scan(caller, $"PAGE {page.Url}", body, secrets, withheld);
            }
        });
    }

    /// <summary>The development sign-in form (Testing environment), as the browser tests use it.</summary>
    private static async Task SignInAsync(HttpClient client, LeakCaller caller, CancellationToken ct)
    {
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative), ct);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "dev-signin",
            ["__RequestVerificationToken"] = token,
            ["Form.Role"] = caller.Kind.ToString().ToLowerInvariant(),
            ["Form.Name"] = $"matrix.{caller.Kind.ToString().ToLowerInvariant()}",
            ["Form.Organisation"] = caller.Organisation?.ToString() ?? "",
            ["Form.Observer"] = caller.Observer?.ToString() ?? "",
        };
        using var content = new FormUrlEncodedContent(fields);
        using var signedIn = await client.PostAsync(new Uri("/signin", UriKind.Relative), content, ct);
        if (signedIn.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Dashboard sign-in as {caller} answered {(int)signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync(ct)}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
