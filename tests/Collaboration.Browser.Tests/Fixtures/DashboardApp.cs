using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Collaboration.Browser.Tests.Fixtures;

/// <summary>
/// The real app on Kestrel at a free loopback port over a fresh temporary SQLite file, plus one headless chromium.
/// Shared by a test class; each test opens its own browser contexts (separate cookies).
/// </summary>
public sealed class DashboardApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "collaboration-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly int _port = FreeLoopbackPort();
    private IPlaywright? _playwright;

    public DashboardApp() => UseKestrel(_port);

    public Uri Address => new($"http://localhost:{_port}/");

    private IBrowser? _browser;

    /// <summary>The headless chromium; without one, asking for it fails the test with the reason (only reached in CI, elsewhere the tests skip).</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Chromium.MissingReason ?? "The browser has not been launched.");

    public Task InitializeAsync()
    {
        StartServer();

        // Without chromium the browser tests skip (or, in CI, fail on Browser); the HTTP checks still use the server.
        return Chromium.MissingReason is null ? LaunchBrowserAsync() : Task.CompletedTask;
    }

    private async Task LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finaliser; the OS temp cleaner takes it.
        }
    }

    /// <summary>An HTTP client for the API with an office bearer token, talking to the same Kestrel server as the browser.</summary>
    public HttpClient OfficeApi()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Office());
        return client;
    }

    /// <summary>Registers a partner through <c>POST /api/v1/partners</c> and returns its id.</summary>
    public async Task<Guid> RegisterPartnerAsync(string zh, string en)
    {
        using var api = OfficeApi();
        using var response = await api.PostAsJsonAsync("api/v1/partners", new
        {
            kind = "ChamberOfCommerce",
            name = new { zh, en },
            contacts = Array.Empty<object>(),
            externalReference = (string?)null,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        return Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        // The password-less sign-in the browser tests drive exists only in Development.
        builder.UseEnvironment("Development");
        builder.UseSetting("Store:Sqlite:Path", Path.Combine(_directory, "collaboration.db"));
        builder.UseSetting("RateLimiting:PermitsPerSecond", "100000");
        builder.UseSetting("RateLimiting:Burst", "100000");
        builder.ConfigureServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.Authority = null;
                options.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
                options.TokenValidationParameters.ValidAudience = TestTokens.Audience;
                options.TokenValidationParameters.IssuerSigningKey = TestTokens.SigningKey;
            }));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
