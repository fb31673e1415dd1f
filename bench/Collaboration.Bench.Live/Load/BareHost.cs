using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Bench.Live.Load;

/// <summary>
/// The ceiling: a bare ASP.NET Core app on its own loopback port in the same process, one endpoint that parses a small
/// JSON body and answers 202. No authentication, no store: what Kestrel, routing and System.Text.Json cost alone.
/// </summary>
internal sealed class BareHost : IAsyncDisposable
{
    public const string Path = "bare";

    private readonly WebApplication app;

    private BareHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BareHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/" + Path, async (HttpContext http) =>
        {
            var body = await http.Request.ReadFromJsonAsync<BareBody>(http.RequestAborted);
            return body is null || body.Name.En.Length == 0 ? Results.BadRequest() : Results.Accepted();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BareHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>The same shape as a partner registration's body.</summary>
    internal sealed record BareBody(string Kind, BareName Name, IReadOnlyList<string> Contacts);

    internal sealed record BareName(string Zh, string En);
}
