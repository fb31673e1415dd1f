using System.Diagnostics;
using System.Net;
using Collaboration.Api.Live;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Api.Tests.Reliability.Crash;
using Npgsql;
using Xunit.Abstractions;

namespace Collaboration.Api.Tests.Cluster;

/// <summary>
/// Issue 13, item 4: two real tracker processes on one PostgreSQL database and one Redis. Every node serves the API and
/// the hub; the projections run on the one holding the advisory lock; hub pushes reach every node's clients through the
/// backplane. (Named for PostgreSQL so that CI counts these among its PostgreSQL tests.)
/// </summary>
public sealed class PostgresClusterTests(ITestOutputHelper output)
{
    [ClusterFact]
    public async Task a_hub_client_on_one_node_receives_a_change_made_through_the_other()
    {
        await using var cluster = await TwoNodeCluster.StartAsync();
        var (leader, follower) = await cluster.RolesAsync();
        var token = leader.Token("office.hub", "office");
        await using var onLeader = new HubFollower();
        await using var onFollower = new HubFollower();
        await onLeader.ConnectAsync(leader, token);
        await onFollower.ConnectAsync(follower, token);

        // Written through the follower, projected on the leader, pushed to both nodes' clients.
        var throughFollower = await RegisterPartnerAsync(follower, token);
        var throughLeader = await RegisterPartnerAsync(leader, token);

        foreach (var (client, name) in new[] { (onLeader, "leader"), (onFollower, "follower") })
        {
            foreach (var partner in new[] { throughFollower, throughLeader })
            {
                await WaitUntilAsync(
                    () => client.Documents.ContainsKey((ViewNames.Partners, partner.ToString("D"))),
                    TimeSpan.FromSeconds(15),
                    $"the hub client on the {name} receives partner {partner}");
            }
        }
    }

    [ClusterFact]
    public async Task both_nodes_appending_at_once_keep_positions_dense_with_nothing_lost()
    {
        await using var cluster = await TwoNodeCluster.StartAsync();
        var loads = cluster.Nodes.Select((node, i) => new CommandLoad(node, 8, 1_300 + i)).ToList();
        using var stop = new CancellationTokenSource();
        var running = Task.WhenAll(loads.Select(l => l.RunAsync(stop.Token)));
        // At least 3 s of both writing, longer on a slow machine until each node has taken a fair number of writes.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(3) || (loads.Any(l => l.Acknowledged.Count <= 20) && clock.Elapsed < TimeSpan.FromSeconds(60)))
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await running;

        var acknowledged = loads.SelectMany(l => l.Acknowledged).ToList();
        output.WriteLine($"{loads.Sum(l => l.Sent)} sent, {acknowledged.Count} acknowledged");
        loads.Should().OnlyContain(l => l.Acknowledged.Count > 20, "both nodes took writes at the same time");
        loads.SelectMany(l => l.Refused).Should().BeEmpty("nothing disturbed the writes");
        (await cluster.CheckLogAsync(acknowledged)).Should().BeEmpty();
    }

    [ClusterFact]
    public async Task kill_9_of_the_projection_leader_while_writes_continue_hands_over_within_5_s_and_read_models_equal_a_rebuild()
    {
        await using var cluster = await TwoNodeCluster.StartAsync();
        var (leader, survivor) = await cluster.RolesAsync();
        var token = survivor.Token("office.hub", "office");
        await using var hub = new HubFollower();
        await hub.ConnectAsync(survivor, token);
        var load = new CommandLoad(survivor, 8, 1_313);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);
        await Task.Delay(1_500);

        await leader.KillAsync();
        var clock = Stopwatch.StartNew();
        while (await TwoNodeCluster.RoleOfAsync(survivor) != "leader" && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        var takeover = clock.Elapsed;
        output.WriteLine($"the survivor led {takeover.TotalMilliseconds:F0} ms after the kill");
        // Writes go on for 2 s after the takeover, and until the new leader, once it has reloaded its checkpoints and
        // pushed its last batch again, has asked the hub clients to catch up (slower on a loaded machine).
        await Task.Delay(2_000);
        await WaitUntilAsync(() => hub.CatchUpsAsked > 0, TimeSpan.FromSeconds(20), "the new leader asks hub clients to catch up from their resume position");
        await stop.CancelAsync();
        await running;
        takeover.Should().BeLessThan(TimeSpan.FromSeconds(5));
        hub.CatchUpsAsked.Should().BeGreaterThan(0, "the new leader asks hub clients to catch up from their resume position");

        output.WriteLine($"{load.Sent} sent, {load.Acknowledged.Count} acknowledged");
        load.Acknowledged.Should().NotBeEmpty();
        load.Refused.Should().BeEmpty("the node writes need not lead");
        (await cluster.CheckLogAsync(load.Acknowledged)).Should().BeEmpty();
        await cluster.WaitForReadModelsAsync(TimeSpan.FromSeconds(30));
        var (committed, rebuilt) = await cluster.ReadModelsAndRebuildAsync();
        committed.Should().Equal(rebuilt, "the survivor resumed from the committed checkpoints: nothing missed, nothing applied twice");
        // A client that stayed connected to the survivor through the takeover holds what a new client gets.
        (await CrashHarnessTests.CompareWithNewClientAsync(survivor, token, hub, "on the survivor")).Should().BeEmpty();

        // The survivor's own hub client hears its pushes after the takeover too.
        var partner = await RegisterPartnerAsync(survivor, token);
        await WaitUntilAsync(() => hub.Documents.ContainsKey((ViewNames.Partners, partner.ToString("D"))), TimeSpan.FromSeconds(15), "the survivor pushes");
    }

    [ClusterFact]
    public async Task when_postgresql_drops_every_connection_during_writes_acknowledged_appends_survive_and_the_nodes_recover()
    {
        await using var cluster = await TwoNodeCluster.StartAsync();
        await cluster.RolesAsync();
        var loads = cluster.Nodes.Select((node, i) => new CommandLoad(node, 6, 1_400 + i)).ToList();
        using var stop = new CancellationTokenSource();
        var running = Task.WhenAll(loads.Select(l => l.RunAsync(stop.Token)));
        await Task.Delay(1_000);
        var dropped = await TerminateBackendsAsync(cluster.Database);
        await Task.Delay(1_000);
        dropped += await TerminateBackendsAsync(cluster.Database);
        await Task.Delay(1_500);
        await stop.CancelAsync();
        await running;
        output.WriteLine($"{dropped} sessions ended; {loads.Sum(l => l.Sent)} sent, {loads.Sum(l => l.Acknowledged.Count)} acknowledged; " +
            $"refused: {string.Join(", ", loads.SelectMany(l => l.Refused).GroupBy(s => s).Select(g => $"{(int)g.Key}×{g.Count()}"))}");
        dropped.Should().BeGreaterThan(2, "both nodes' sessions were ended");

        (await cluster.CheckLogAsync(loads.SelectMany(l => l.Acknowledged))).Should().BeEmpty();

        // Both nodes take writes again by themselves, one leads, and the read models catch up and equal a rebuild.
        var token = cluster.Nodes[0].Token("office.recover", "office");
        foreach (var node in cluster.Nodes)
        {
            await WaitUntilAsync(async () => await TryRegisterPartnerAsync(node, token), TimeSpan.FromSeconds(20), $"{node.BaseAddress} takes writes again");
        }

        await cluster.RolesAsync();
        await cluster.WaitForReadModelsAsync(TimeSpan.FromSeconds(30));
        var (committed, rebuilt) = await cluster.ReadModelsAndRebuildAsync();
        committed.Should().Equal(rebuilt);
        // A write the database could not take is refused as 503 store.unavailable (ADR 0017, 0021), never half-done.
        loads.SelectMany(l => l.Refused).Should().OnlyContain(
            s => s == HttpStatusCode.ServiceUnavailable, "only the database's failure refused writes, and it answers 503");
    }

    private static async Task<int> TerminateBackendsAsync(string database)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Testing.Postgres.PostgresTestServer.Require()) { Database = "postgres", Pooling = false }.ToString());
        await admin.OpenAsync();
        await using var terminate = new NpgsqlCommand(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) t", admin);
        terminate.Parameters.Add(new NpgsqlParameter { Value = database });
        return Convert.ToInt32(await terminate.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Guid> RegisterPartnerAsync(TrackerProcess node, string token)
    {
        using var client = node.Client(token);
        var response = await client.PostAsync("/api/v1/partners", ApiJson.Body(PartnerBody()));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.CreatedIdAsync();
    }

    private static async Task<bool> TryRegisterPartnerAsync(TrackerProcess node, string token)
    {
        using var client = node.Client(token);
        try
        {
            return (await client.PostAsync("/api/v1/partners", ApiJson.Body(PartnerBody()))).StatusCode == HttpStatusCode.Created;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static object PartnerBody() => new
    {
        kind = "Enterprise",
        name = new { zh = "集群企业", en = "Cluster Enterprise" },
        contacts = Array.Empty<object>(),
        externalReference = (string?)null,
    };

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan within, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), within, what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"Not within {within}: {what}.");
            }

            await Task.Delay(100);
        }
    }
}
