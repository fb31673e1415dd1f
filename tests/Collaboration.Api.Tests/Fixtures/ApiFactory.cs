using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Fixtures;

/// <summary>
/// The real app over a fresh temporary SQLite file, accepting <see cref="TestTokens"/>. One per test class
/// (xunit class fixture), deleted afterwards.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "collaboration-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "collaboration.db");

    /// <summary>Requests per second per user; high so only the rate-limit test meets the limiter.</summary>
    protected virtual int PermitsPerSecond => 100_000;

    protected virtual string EnvironmentName => "Testing";

    /// <summary>Configuration on top of the store path and the rate limits.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        // Several tests read the OpenAPI document; outside Development it is off unless switched on.
        new("Swagger:Enabled", "true"),
    ];

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Office() => ClientWithToken(TestTokens.Office());

    public HttpClient Auditor() => ClientWithToken(TestTokens.Auditor());

    public HttpClient Partner(Guid organisation) => ClientWithToken(TestTokens.Partner(organisation));

    public HttpClient Observer(Guid observer) => ClientWithToken(TestTokens.Observer(observer));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Store:Sqlite:Path", DatabasePath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("RateLimiting:PermitsPerSecond", PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:Burst", PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.Authority = null;
                options.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
                options.TokenValidationParameters.ValidAudience = TestTokens.Audience;
                options.TokenValidationParameters.IssuerSigningKey = TestTokens.SigningKey;
            }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finaliser; the OS temp cleaner takes it.
            }
        }
    }
}
