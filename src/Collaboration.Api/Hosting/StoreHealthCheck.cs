using Collaboration.EventStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Api.Hosting;

/// <summary>Ready only when the log can be read.</summary>
public sealed class StoreHealthCheck(IEventStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var head = await store.ReadHeadPositionAsync(cancellationToken);
            return HealthCheckResult.Healthy($"log head at {head}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("event store unreachable", ex);
        }
    }
}
