using Collaboration.Projections.Postgres;
using Collaboration.Projections.Storage;
using Collaboration.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Collaboration.Api.Cluster;

/// <summary>
/// Several nodes on one PostgreSQL database: the leader gate (one node runs the singleton work), the relay of committed
/// changes to a follower's dashboards, and the Redis backplane that carries hub pushes to every node's clients
/// (<c>ConnectionStrings:Redis</c>; without it SignalR stays in-process). On SQLite the single node leads.
/// </summary>
public static class ClusterSetup
{
    public const string RedisConnectionName = "Redis";

    /// <summary>Prefix of the backplane's Redis channels and keys: clusters sharing one Redis must differ in it.</summary>
    public const string ChannelPrefixKey = "SignalR:Redis:ChannelPrefix";

    /// <summary>The response header the health answers name this node's role in (<c>leader</c> or <c>follower</c>).</summary>
    public const string RoleHeader = "Collaboration-Role";

    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var settings = StoreSettings.FromConfiguration(configuration, contentRoot);
        if (settings is { Provider: StoreProvider.Postgres, PostgresConnectionString: { } connectionString })
        {
            services.AddSingleton(sp => new PostgresLeaderGate(
                connectionString,
                sp.GetRequiredService<IViewStore>() as PostgresViewStore,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PostgresLeaderGate>>()));
            services.AddSingleton<ILeaderGate>(sp => sp.GetRequiredService<PostgresLeaderGate>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresLeaderGate>());
            services.AddHostedService<FollowerChangeRelay>();
        }
        else
        {
            services.AddSingleton<ILeaderGate, SingleNodeLeaderGate>();
        }

        if (configuration.GetConnectionString(RedisConnectionName) is { Length: > 0 } redis)
        {
            // What a node holds for a user between two requests must be readable on every node: the Data Protection key
            // ring (the dashboard's cookie, antiforgery tokens) and the import previews waiting for confirmation.
            var prefix = ChannelPrefix(configuration);
            // Not connected at start: a node comes up while Redis does, and reads the key ring on first use.
            var keys = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(AllowingRetries(redis)));
            services.AddDataProtection()
                .SetApplicationName(prefix)
                .PersistKeysToStackExchangeRedis(() => keys.Value.GetDatabase(), $"{prefix}:data-protection-keys");
            services.AddStackExchangeRedisCache(options =>
            {
                options.Configuration = redis;
                options.InstanceName = $"{prefix}:";
            });
        }

        return services;
    }

    private static ConfigurationOptions AllowingRetries(string redis)
    {
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        return options;
    }

    private static string ChannelPrefix(IConfiguration configuration) =>
        configuration[ChannelPrefixKey] is { Length: > 0 } configured ? configured : "collaboration";

    /// <summary>Adds the Redis backplane when <c>ConnectionStrings:Redis</c> is set.</summary>
    public static ISignalRServerBuilder AddBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetConnectionString(RedisConnectionName) is { Length: > 0 } redis)
        {
            var prefix = ChannelPrefix(configuration);
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal(prefix));
        }

        return signalR;
    }

    /// <summary>The health answer as before (the status as plain text), with this node's role in <see cref="RoleHeader"/>.</summary>
    public static HealthCheckOptions WithRole(this HealthCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ResponseWriter = async (context, report) =>
        {
            context.Response.Headers[RoleHeader] = context.RequestServices.GetRequiredService<ILeaderGate>().Role;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(report.Status.ToString());
        };
        return options;
    }
}
