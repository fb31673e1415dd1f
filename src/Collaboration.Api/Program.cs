using Collaboration.Api.Hosting;

// Before the host starts its threads: malloc's arenas opened before the limit stay (ADR 0030).
NativeHeap.LimitArenas();
var switches = StartupSwitches.Parse(args);
// The configuration files are polled, not watched with the whole content root (ConfigurationFiles).
var builder = WebApplication.CreateBuilder([ConfigurationFiles.NoDirectoryWatch, .. switches.HostArguments]);
if (switches.Demo)
{
    // The demo's log records the scenario's own moments (see ScenarioClock).
    builder.Services.AddSingleton<TimeProvider>(new ScenarioClock(TimeProvider.System));
}

builder.AddCollaboration();

var app = builder.Build();
app.UseCollaboration();
await app.RunCollaborationAsync(switches);

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
