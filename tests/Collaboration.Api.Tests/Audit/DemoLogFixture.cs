using Collaboration.Api.Hosting;
using Collaboration.Api.Modules;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Audit;

/// <summary>The demo's SQLite log and key file, written once by the real app with the scenario clock and left on disk for the CLI.</summary>
public sealed class DemoLogFixture : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("collaboration-demo-log-").FullName;

    public string DatabasePath => Path.Combine(Directory, "demo.db");

    public async Task InitializeAsync()
    {
        await using var api = new DemoApi(DatabasePath);
        await DemoData.SeedAsync(api.Services, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may still hold a file; the temp cleaner takes it.
        }

        return Task.CompletedTask;
    }

    private sealed class DemoApi(string path) : ApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Store:Sqlite:Path", path)];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseClock(new ScenarioClock(TimeProvider.System));
        }
    }
}
