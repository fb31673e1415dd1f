using Microsoft.Extensions.DependencyInjection.Extensions;
using Collaboration.Api.Application;
using Collaboration.Api.Cluster;
using Collaboration.Api.Dashboard;
using Collaboration.Api.Http;
using Collaboration.Api.Live;
using Collaboration.Api.Modules;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Portal;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Collaboration.Api.Hosting;

/// <summary>Wires the modules, the store, the HTTP edge and operations. Program.cs stays three lines.</summary>
public static class CollaborationHost
{
    /// <summary>Request bodies above this are refused with 413: no legitimate command is near it.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddCollaboration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        ConfigurationFiles.PollForChanges(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = StatusProblems.Complete);
        services.AddExceptionHandler<ExceptionProblems>();
        services.AddApiJson();
        if (builder.Environment.IsDevelopment())
        {
            // A Development tracker seeds the demo on its first run; production clocks cannot be pinned.
            services.TryAddSingleton<TimeProvider>(new ScenarioClock(TimeProvider.System));
        }

        services.AddEventStore(builder.Configuration, builder.Environment);
        builder.WatchDevelopmentTokens();
        services.AddApiAuthentication(builder.Configuration);
        services.AddProxyForwarding(builder.Configuration);
        services.AddPerUserRateLimiting(builder.Configuration);
        services.AddCollaborationOpenApi();
        services.AddSingleton<StreamExecutor>();
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
            ];
        });
        services.AddModules();
        services.AddCluster(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddLiveViews(builder.Configuration);
        builder.AddDashboard();
        services.AddPortal();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        services.AddHostedService<NativeHeapTrimmer>();
        AddTelemetry(builder);
        return builder;
    }

    public static WebApplication UseCollaboration(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        // Under /api every bodiless error answer becomes problem+json with a code; elsewhere the framework's default.
        var defaultPages = new StatusCodePagesOptions().HandleAsync;
        app.UseStatusCodePages(context => StatusProblems.WriteAsync(context, defaultPages));
        app.UseMiddleware<RequestBodyLimit>(MaxRequestBodyBytes);
        app.UseCollaborationSwagger();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }.WithRole());
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }.WithRole());
        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthenticationSetup.ApiPolicy);
        api.MapModules();
        app.MapLiveViews();
        app.MapNotificationHub();
        app.MapDashboard();
        app.MapPortal();
        return app;
    }

    public static async Task RunCollaborationAsync(this WebApplication app, StartupSwitches switches)
    {
        ArgumentNullException.ThrowIfNull(switches);
        // --demo seeds the scenario; so does the first run of a Development tracker on an empty log.
        var firstDevelopmentRun = app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:SeedOnFirstRun", true)
            && await app.Services.GetRequiredService<Collaboration.EventStore.IEventStore>().ReadHeadPositionAsync() == 0;
        if (switches.Demo || firstDevelopmentRun)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DemoData.SeedAsync(scope.ServiceProvider, app.Lifetime.ApplicationStopping);
        }

        StartupBanner.PrintWhenStarted(app);
        await app.RunAsync();
    }

    private static void AddTelemetry(WebApplicationBuilder builder)
    {
        // Without an endpoint nothing would read the traces and metrics, yet the SDK would still sample an activity and
        // record histograms for every request (issue 15's profile of the command path): only wire it when it exports.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(Telemetry.Name).AddAspNetCoreInstrumentation())
            .WithMetrics(m => m.AddMeter(Telemetry.Name).AddAspNetCoreInstrumentation())
            .UseOtlpExporter();
    }
}
