using Collaboration.Projections.Running;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Api.Live;

/// <summary>Ready when every projection is within <see cref="MaxLag"/> events of the log head (lists would otherwise be stale).</summary>
public sealed class ProjectionsHealthCheck(ProjectionRunner runner) : IHealthCheck
{
    public const long MaxLag = 500;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Reads the log's head, so an unreachable database reports here too.
        var lag = await runner.MaxLagAsync(cancellationToken);
        return lag <= MaxLag
            ? HealthCheckResult.Healthy($"projections {lag} events behind")
            : HealthCheckResult.Unhealthy($"projections {lag} events behind (more than {MaxLag})");
    }
}
