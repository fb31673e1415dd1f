using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Collaboration.Api.Hosting;

/// <summary>
/// The configuration files (<c>appsettings*.json</c>) are re-read when they change by polling their timestamps, not by
/// the host's default watcher. That watcher is one inotify watch over the whole content root, recursively, and the
/// SQLite log lives under it by default (<c>data/</c>): every commit of the log and of the read models woke a thread
/// to match the file names against the configuration files — 5 % of the process's CPU under a stream of commands (ADR
/// 0028, amendment of 2026-12-07). Polling reads two timestamps every four seconds whatever the data does.
/// </summary>
/// <remarks>
/// The host starts its watcher the moment it adds the files with reload on change, so the default has to be switched
/// off in the host's arguments (<see cref="NoDirectoryWatch"/>, first, so that an explicit argument after it still
/// wins) and the files are then made to reload again here, by polling.
/// </remarks>
public static class ConfigurationFiles
{
    /// <summary>The host argument that adds the configuration files without reload on change (and so without a watcher).</summary>
    public const string NoDirectoryWatch = "--hostBuilder:reloadConfigOnChange=false";

    /// <summary>
    /// Makes every configuration file read through a <see cref="PhysicalFileProvider"/> that watches with inotify reload
    /// on change by polling instead (one polling provider per directory), keeping each file's place among the sources.
    /// </summary>
    public static void PollForChanges(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var pollers = new Dictionary<string, PhysicalFileProvider>(StringComparer.Ordinal);
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            // UseActivePolling, not UsePollingFileWatcher: the latter reads false once a provider has started watching.
            if (sources[i] is not FileConfigurationSource { FileProvider: PhysicalFileProvider { UseActivePolling: false } watched } file)
            {
                continue;
            }

            if (!pollers.TryGetValue(watched.Root, out var poller))
            {
                poller = new PhysicalFileProvider(watched.Root) { UsePollingFileWatcher = true, UseActivePolling = true };
                pollers.Add(watched.Root, poller);
            }

            file.FileProvider = poller;
            file.ReloadOnChange = true;
            // Assigned again so that a ConfigurationManager rebuilds this source's provider with the polling one.
            sources[i] = file;
        }
    }
}
