using Collaboration.Api.Application;
using Collaboration.Api.Cluster;
using Collaboration.Api.Visibility;
using Collaboration.EventStore;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Collaboration.Api.Live;

/// <summary>Read models, their runner, the status hub and the queries over them.</summary>
public static class LiveSetup
{
    public static IServiceCollection AddLiveViews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR().AddBackplane(configuration);
        services.AddSingleton<AudienceMembers>();
        services.AddSingleton<RecentStoredDocuments>();
        services.AddSingleton<ViewChangeFeed>();
        services.AddSingleton<IViewChangeFeed>(sp => sp.GetRequiredService<ViewChangeFeed>());
        services.AddSingleton(sp =>
        {
            var runner = new ProjectionRunner(
                sp.GetRequiredService<IEventStore>(),
                sp.GetRequiredService<IViewStore>(),
                sp.GetRequiredService<EventSerializer>(),
                ReadModels.All(),
                sp.GetRequiredService<ViewChangeFeed>(),
                sp.GetRequiredService<ILogger<ProjectionRunner>>());
            Telemetry.ObserveProjectionLag(() => runner.Projections.Select(p => (p.Name, runner.ObservedLagOf(p.Name))));
            return runner;
        });
        services.AddSingleton<IViewReader>(sp => sp.GetRequiredService<ProjectionRunner>().Views);
        services.AddSingleton<IViewQueries, ViewQueries>();
        services.AddHostedService<ProjectionService>();
        services.AddHealthChecks().AddCheck<ProjectionsHealthCheck>("projections", tags: ["ready"]);
        // Browsers cannot set headers on WebSockets or server-sent events: the hub takes the token from the query string.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var previous = options.Events?.OnMessageReceived;
            options.Events ??= new JwtBearerEvents();
            options.Events.OnMessageReceived = async context =>
            {
                if (previous is not null)
                {
                    await previous(context);
                }

                var token = context.Request.Query["access_token"];
                if (string.IsNullOrEmpty(context.Token) && !string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                {
                    context.Token = token;
                }
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapLiveViews(this IEndpointRouteBuilder app)
    {
        app.MapHub<StatusHub>(StatusHubContract.Path);
        return app;
    }
}
