namespace Collaboration.Api.Cluster;

/// <summary>One node on an embedded store (SQLite, which one process holds): it always leads.</summary>
public sealed class SingleNodeLeaderGate : ILeaderGate, IHostedService
{
    public bool IsLeader => true;

    public Task<CancellationToken> AcquireAsync(CancellationToken ct) => Task.FromResult(ct);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
