using Collaboration.Api.Dashboard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Collaboration.Api.Hosting;

/// <summary>
/// Tells whoever started the tracker where to go next: the dashboard, Swagger UI and, in Development, how to get a
/// token. Printed once the server listens, so the addresses are the real ones (e.g. after <c>--urls</c>).
/// </summary>
public static partial class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupBanner).FullName!);
            foreach (var line in Lines(addresses, OpenApiSetup.SwaggerEnabled(app.Configuration, app.Environment), app.Environment.IsDevelopment()))
            {
                Log(logger, line);
            }
        });
    }

    /// <summary>The banner's lines for these listening addresses; a wildcard host is shown as localhost.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<string> addresses, bool swagger, bool development)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var bases = addresses.Select(Browsable).ToList();
        var lines = new List<string>();
        foreach (var root in bases)
        {
            lines.Add($"Dashboard · 看板: {root}/");
            if (swagger)
            {
                lines.Add($"Swagger UI: {root}/swagger");
            }

            if (development)
            {
                lines.Add($"Development sign-in · 开发环境登录: {root}{DashboardSetup.SignInPath}");
            }
        }

        if (development)
        {
            lines.Add("API tokens · 令牌: cd src/Collaboration.Api && dotnet user-jwts create --name office.zhang --role office "
                + "(no restart needed; README lists every role)");
        }

        return lines;
    }

    private static string Browsable(string address)
    {
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));
        return uri.GetLeftPart(UriPartial.Authority);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void Log(ILogger logger, string line);
}
