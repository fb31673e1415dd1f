using Collaboration.Testing.Postgres;

namespace Collaboration.Api.Tests.Cluster;

/// <summary>
/// The Redis server the cluster tests' backplane uses: <c>COLLAB_TEST_REDIS</c> (e.g. <c>127.0.0.1:6390</c>, as
/// <c>.ci/run</c> and <c>deploy/local-cluster.sh</c> start one). Like the PostgreSQL server: missing in CI (<c>CI=true</c>) the
/// tests fail with this explanation, elsewhere they are skipped with it.
/// </summary>
public static class RedisTestServer
{
    public const string Variable = "COLLAB_TEST_REDIS";

    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string MissingMessage =>
        $"{Variable} is not set{(PostgresTestServer.IsCi ? " (CI=true: the cluster tests must run in CI)" : "")}. Start one with " +
        $"redis-server --port 6390 --bind 127.0.0.1 --daemonize yes and export {Variable}=127.0.0.1:6390.";

    public static string Require() => ConnectionString ?? throw new InvalidOperationException(MissingMessage);
}

/// <summary>A fact that needs PostgreSQL and Redis: skipped locally without them, failing in CI without them.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (PostgresTestServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
        else if (RedisTestServer.ConnectionString is null && !PostgresTestServer.IsCi)
        {
            Skip = RedisTestServer.MissingMessage;
        }
    }
}
