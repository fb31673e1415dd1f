using Collaboration.Api.Cluster;
using Collaboration.Projections.Running;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Api.Live;

/// <summary>
/// Ready when every projection is within <see cref="MaxLag"/> events of the log head (lists would otherwise be stale). The
/// leader measures its own runner; a follower, whose lists come from the leader's work, the committed checkpoints.
/// </summary>
public sealed class ProjectionsHealthCheck(ProjectionRunner runner, ILeaderGate gate) : IHealthCheck
{
    public const long MaxLag = 500;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var role = gate.Role;
        // Reads the log's head, so an unreachable database reports here too.
        var lag = gate.IsLeader ? await runner.MaxLagAsync(cancellationToken) : await CommittedLagAsync(cancellationToken);
        return lag <= MaxLag
            ? HealthCheckResult.Healthy($"{role}: projections {lag} events behind")
            : HealthCheckResult.Unhealthy($"{role}: projections {lag} events behind (more than {MaxLag})");
    }

    private async Task<long> CommittedLagAsync(CancellationToken ct)
    {
        var head = await runner.EventStore.ReadHeadPositionAsync(ct);
        return Math.Max(0, head - await runner.CommittedCheckpointAsync(ct));
    }
}
