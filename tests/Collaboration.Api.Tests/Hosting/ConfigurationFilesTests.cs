using Collaboration.Api.Hosting;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Collaboration.Api.Tests.Hosting;

/// <summary>The configuration files are re-read by polling, and the app watches no directory for them (ADR 0028, amendment of 2026-12-07).</summary>
public sealed class ConfigurationFilesTests : IClassFixture<ApiFactory>, IDisposable
{
    private readonly ApiFactory api;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "collaboration-tests", Guid.NewGuid().ToString("N"));

    public ConfigurationFilesTests(ApiFactory api)
    {
        this.api = api;
        Directory.CreateDirectory(directory);
    }

    [Fact]
    public async Task a_file_added_without_reload_is_read_again_by_polling_once_it_changes()
    {
        var file = Path.Combine(directory, "appsettings.json");
        await File.WriteAllTextAsync(file, """{ "Greeting": "before" }""");
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(new PhysicalFileProvider(directory), "appsettings.json", optional: false, reloadOnChange: false);

        ConfigurationFiles.PollForChanges(configuration);
        await File.WriteAllTextAsync(file, """{ "Greeting": "after" }""");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(1));

        // The polling provider looks every four seconds.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (configuration["Greeting"] != "after" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        configuration["Greeting"].Should().Be("after");
        configuration.Sources.OfType<JsonConfigurationSource>().Single().FileProvider
            .Should().BeOfType<PhysicalFileProvider>().Which.UseActivePolling.Should().BeTrue();
    }

    [Fact]
    public void the_app_reloads_its_configuration_files_by_polling_and_watches_no_directory_for_them()
    {
        var root = (IConfigurationRoot)api.Services.GetRequiredService<IConfiguration>();

        var files = root.Providers.OfType<FileConfigurationProvider>().ToList();

        files.Should().Contain(f => f.Source.Path == "appsettings.json");
        files.Should().OnlyContain(f => f.Source.ReloadOnChange
            && f.Source.FileProvider is PhysicalFileProvider && ((PhysicalFileProvider)f.Source.FileProvider).UseActivePolling);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
