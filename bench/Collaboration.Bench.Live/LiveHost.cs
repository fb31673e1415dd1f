using System.Diagnostics;
using Collaboration.Api.Hosting;
using Collaboration.Api.Modules.Notifications;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collaboration.Bench.Live;

/// <summary>
/// The real app (same wiring as Program.cs) on Kestrel at a loopback port the OS picks, over a fresh SQLite file in a
/// temp folder, accepting <see cref="BenchTokens"/>. Rate limiting is raised out of the way and logging is cut to
/// warnings so the console stays readable.
/// </summary>
internal sealed class LiveHost : IAsyncDisposable
{
    private readonly string directory;

    private LiveHost(WebApplication app, string directory, Uri address)
    {
        App = app;
        this.directory = directory;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public static async Task<LiveHost> StartAsync(BenchTokens tokens, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "collaboration-bench-live", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(CollaborationHost).Assembly.GetName().Name,
            ContentRootPath = directory,
            // As Program.cs: the log's directory is the content root here, so a watcher over it would wake on every commit.
            Args = [ConfigurationFiles.NoDirectoryWatch],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Sqlite:Path"] = Path.Combine(directory, "collaboration.db"),
            ["RateLimiting:PermitsPerSecond"] = "1000000",
            ["RateLimiting:Burst"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Demo:SeedOnFirstRun"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCollaboration();
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Authority = null;
            options.TokenValidationParameters.ValidIssuer = BenchTokens.Issuer;
            options.TokenValidationParameters.ValidAudience = BenchTokens.Audience;
            options.TokenValidationParameters.IssuerSigningKey = tokens.SigningKey;
        });
        var app = builder.Build();
        app.UseCollaboration();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveHost(app, directory, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Waits until the notification reactor has handled the log up to <paramref name="head"/>, or <paramref name="timeout"/> passed.</summary>
    public async Task WaitForNotificationsAsync(long head, TimeSpan timeout)
    {
        var reactor = App.Services.GetRequiredService<NotificationReactor>();
        var clock = Stopwatch.StartNew();
        while (reactor.Checkpoint < head && clock.Elapsed < timeout)
        {
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await App.StopAsync(stop.Token);
        }

        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finaliser; the OS temp cleaner takes it.
        }
    }
}
