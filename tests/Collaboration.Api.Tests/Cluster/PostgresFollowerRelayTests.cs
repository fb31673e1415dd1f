using System.Collections.Concurrent;
using System.Diagnostics;
using Collaboration.Api.Cluster;
using Collaboration.Api.Live;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Api.Tests.Storage;
using Collaboration.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Cluster;

/// <summary>
/// Two app hosts in this process on one PostgreSQL database: one leads and runs the projections; the other's in-process
/// subscribers (the dashboard's circuits) still hear every committed change, relayed from the view store.
/// </summary>
public sealed class PostgresFollowerRelayTests
{
    [PostgresFact]
    public async Task a_followers_dashboard_feed_hears_a_change_it_took_while_the_other_node_projects_it()
    {
        var (database, connectionString) = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            await using var first = new PostgresApiFactory(connectionString);
            await using var second = new PostgresApiFactory(connectionString);
            var nodes = new[] { first, second };
            var gates = nodes.Select(n => n.Services.GetRequiredService<ILeaderGate>()).ToArray();
            var clock = Stopwatch.StartNew();
            while (gates.Count(g => g.IsLeader) != 1 && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }

            gates.Count(g => g.IsLeader).Should().Be(1, "exactly one node holds the lock");
            var follower = nodes[Array.FindIndex(gates, g => !g.IsLeader)];
            var heard = new ConcurrentQueue<ViewChange>();
            using var subscription = follower.Services.GetRequiredService<IViewChangeFeed>().Subscribe(change =>
            {
                heard.Enqueue(change);
                return Task.CompletedTask;
            });

            var partner = await follower.RegisterPartnerAsync();

            clock.Restart();
            while (!heard.Any(c => c.View == ViewNames.Partners && c.Key == partner.ToString("D")) && clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
            }

            heard.Should().Contain(c => c.View == ViewNames.Partners && c.Key == partner.ToString("D"));
            (await follower.CreateClient().GetAsync("/health/ready")).Headers.GetValues(ClusterSetup.RoleHeader).Should().Equal("follower");
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }
}
