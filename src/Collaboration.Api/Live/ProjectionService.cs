using Collaboration.Projections.Running;

namespace Collaboration.Api.Live;

/// <summary>Runs every projection for the life of the app: catch up, then follow the log (and rebuild changed ones beside).</summary>
public sealed class ProjectionService(ProjectionRunner runner) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runner.RunAsync(stoppingToken);
}
