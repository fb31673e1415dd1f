using System.Diagnostics;
using Collaboration.Api.Cluster;
using Collaboration.Api.Tests.Reliability.Crash;
using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Collaboration.Storage;
using Collaboration.Testing.Postgres;

namespace Collaboration.Api.Tests.Cluster;

/// <summary>
/// Two real tracker processes on one fresh PostgreSQL database and one Redis (a channel prefix of their own), sharing the
/// personal-key file and the audit signing key through configuration, and accepting the same tokens.
/// </summary>
public sealed class TwoNodeCluster : IAsyncDisposable
{
    private readonly string directory;
    private readonly byte[] key;
    private readonly Dictionary<string, string> settings;

    private TwoNodeCluster(string database, string connectionString, string directory, byte[] key, Dictionary<string, string> settings)
    {
        Database = database;
        ConnectionString = connectionString;
        this.directory = directory;
        this.key = key;
        this.settings = settings;
    }

    public string Database { get; }

    public string ConnectionString { get; }

    public List<TrackerProcess> Nodes { get; } = [];

    public string KeysPath => Path.Combine(directory, "collaboration.keys.db");

    public static async Task<TwoNodeCluster> StartAsync()
    {
        var (database, connectionString) = await PostgresTestServer.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("collaboration-cluster-").FullName;
        var key = new byte[32];
        Random.Shared.NextBytes(key);
        var settings = new Dictionary<string, string>
        {
            ["Store__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = connectionString,
            ["ConnectionStrings__Redis"] = RedisTestServer.Require(),
            ["SignalR__Redis__ChannelPrefix"] = database,
            ["Store__Sqlite__Path"] = Path.Combine(directory, "collaboration.db"),
            ["Store__Keys__Path"] = Path.Combine(directory, "collaboration.keys.db"),
            ["Audit__SigningKeyPath"] = Path.Combine(directory, "collaboration.audit-key.pem"),
        };
        var cluster = new TwoNodeCluster(database, connectionString, directory, key, settings);
        try
        {
            // One after the other: the first creates the schema and the key files the second then finds.
            cluster.Nodes.Add(await TrackerProcess.StartAsync(settings["Store__Sqlite__Path"], key, settings));
            cluster.Nodes.Add(await TrackerProcess.StartAsync(settings["Store__Sqlite__Path"], key, settings));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The node's role as its liveness answer names it, or null when it does not answer.</summary>
    public static async Task<string?> RoleOfAsync(TrackerProcess node)
    {
        using var client = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            var response = await client.GetAsync("/health/live");
            return response.Headers.TryGetValues(ClusterSetup.RoleHeader, out var values) ? values.Single() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits until exactly one node leads; returns it and the other.</summary>
    public async Task<(TrackerProcess Leader, TrackerProcess Follower)> RolesAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var roles = await Task.WhenAll(Nodes.Select(RoleOfAsync));
            if (roles.Count(r => r == "leader") == 1 && roles.Count(r => r == "follower") == 1)
            {
                return (Nodes[Array.IndexOf(roles, "leader")], Nodes[Array.IndexOf(roles, "follower")]);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The two nodes did not settle on one leader within 30 s.");
    }

    public Task<Stores> OpenStoresAsync() =>
        Stores.OpenAsync(StoreSettings.Postgres(ConnectionString, settings["Store__Sqlite__Path"]), TimeProvider.System);

    /// <summary>Waits until every projection has committed the log's head (whichever node runs them).</summary>
    public async Task WaitForReadModelsAsync(TimeSpan within)
    {
        await using var stores = await OpenStoresAsync();
        using var keys = new SqlitePersonalKeyStore(KeysPath);
        var runner = new ProjectionRunner(stores.Events, stores.Views, Serializer(keys), ReadModels.All());
        var clock = Stopwatch.StartNew();
        long head = -1, committed = -2;
        while (clock.Elapsed < within)
        {
            head = await stores.Events.ReadHeadPositionAsync();
            committed = await runner.CommittedCheckpointAsync();
            if (committed == head)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The read models stayed at {committed} of {head} for {within}.");
    }

    /// <summary>Every document of every projection as the cluster committed it, and as a rebuild from the log makes it.</summary>
    public async Task<(Dictionary<string, string> Committed, Dictionary<string, string> Rebuilt)> ReadModelsAndRebuildAsync()
    {
        await using var stores = await OpenStoresAsync();
        using var keys = new SqlitePersonalKeyStore(KeysPath);
        var serializer = Serializer(keys);
        var committed = new ProjectionRunner(stores.Events, stores.Views, serializer, ReadModels.All());
        var rebuilt = new ProjectionRunner(stores.Events, new InMemoryViewStore(), serializer, ReadModels.All());
        await rebuilt.CatchUpAsync();
        return (await DocumentsAsync(committed), await DocumentsAsync(rebuilt));
    }

    /// <summary>Positions dense from 1 to the head, revisions dense per stream, every acknowledged write there, the chain verifying.</summary>
    public async Task<IReadOnlyList<string>> CheckLogAsync(IEnumerable<Acknowledged> acknowledged)
    {
        var problems = new List<string>();
        await using var stores = await OpenStoresAsync();
        var head = await stores.Events.ReadHeadPositionAsync();
        var streams = new Dictionary<string, long>(StringComparer.Ordinal);
        long expected = 1;
        await foreach (var recorded in stores.Events.ReadAllAsync())
        {
            if (recorded.Position != expected++)
            {
                problems.Add($"position {recorded.Position} follows {expected - 2}: the log is not dense");
            }

            var next = streams.GetValueOrDefault(recorded.Stream, -1) + 1;
            if (recorded.Revision != next)
            {
                problems.Add($"{recorded.Stream}@{recorded.Revision} at {recorded.Position}: expected revision {next}");
            }

            streams[recorded.Stream] = recorded.Revision;
        }

        if (expected - 1 != head)
        {
            problems.Add($"the head is {head} but {expected - 1} events were read");
        }

        problems.AddRange(acknowledged.Where(a => streams.GetValueOrDefault(a.Stream, -1) < a.Revision)
            .Select(a => $"{a.Command} was answered 2xx with {a.Stream}@{a.Revision}, but the stream ends at {streams.GetValueOrDefault(a.Stream, -1)}"));
        var chain = await stores.Events.VerifyAsync();
        if (!chain.IsValid)
        {
            problems.Add($"the hash chain breaks: {chain}");
        }

        return problems;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.KillAsync();
            node.Dispose();
        }

        await PostgresTestServer.DropDatabaseAsync(Database);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private static EventSerializer Serializer(IPersonalKeyStore keys) => new(DomainEventTypes.CreateRegistry(PersonalDataConverter.All(keys)));

    private static async Task<Dictionary<string, string>> DocumentsAsync(ProjectionRunner runner)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var projection in runner.Projections)
        {
            foreach (var d in await runner.Views.ListAsync(projection.Name, null))
            {
                documents[$"{d.View}/{d.Key}"] = $"@{d.Position} {d.Json}";
            }

            foreach (var d in await runner.Views.LatestAsync(projection.Name, null, 10_000))
            {
                documents[$"{d.View}/feed/{d.Key}"] = $"@{d.Position} {d.Json}";
            }
        }

        return documents;
    }
}
