namespace Collaboration.Api.Cluster;

/// <summary>
/// Decides which node runs the singleton background work (projections, and anything else that must run once per
/// cluster): exactly one node leads at a time. On SQLite the single node always leads; on PostgreSQL the node holding
/// the cluster's advisory lock does (<see cref="PostgresLeaderGate"/>). Work that must run on the leader only derives
/// from <see cref="LeaderBackgroundService"/>.
/// </summary>
public interface ILeaderGate
{
    /// <summary>Whether this node leads now.</summary>
    bool IsLeader { get; }

    /// <summary><c>leader</c> or <c>follower</c>, as health answers report it.</summary>
    string Role => IsLeader ? "leader" : "follower";

    /// <summary>
    /// Completes once this node leads, with a token that is cancelled when it stops leading (its lock's session ended or
    /// the node is stopping). Work started under that token must stop when it is cancelled.
    /// </summary>
    Task<CancellationToken> AcquireAsync(CancellationToken ct);
}
