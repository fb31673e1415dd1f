using Collaboration.Api.Cluster;
using Collaboration.Projections.Running;

namespace Collaboration.Api.Live;

/// <summary>
/// Runs every projection while this node leads (<see cref="ILeaderGate"/>; always, on one SQLite node): catch up, then
/// follow the log (and rebuild changed ones beside). Each time it starts leading it reloads the committed checkpoints,
/// since another node may have advanced them meanwhile.
/// </summary>
public sealed class ProjectionService(ProjectionRunner runner, ILeaderGate gate, ILogger<ProjectionService> logger) : LeaderBackgroundService(gate, logger)
{
    private bool ranBefore;

    protected override async Task RunWhileLeadingAsync(CancellationToken leading)
    {
        if (ranBefore)
        {
            await runner.ReloadAsync(leading);
        }

        ranBefore = true;
        await runner.RunAsync(leading);
    }
}
