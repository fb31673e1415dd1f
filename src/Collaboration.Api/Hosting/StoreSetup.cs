using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collaboration.Api.Hosting;

/// <summary>Opens the event store named by configuration (<c>Store:Sqlite:Path</c>; default under the content root's <c>data/</c>).</summary>
public static class StoreSetup
{
    public static IServiceCollection AddEventStore(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var path = configuration["Store:Sqlite:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(environment.ContentRootPath, "data", "collaboration.db");
        }

        path = Path.GetFullPath(path, environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(DomainEventTypes.CreateRegistry());
        services.AddSingleton<EventSerializer>();
        services.AddSingleton(sp => new SqliteEventStore(
            new SqliteEventStoreOptions { Path = path },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteEventStore>>()));
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<SqliteEventStore>());
        return services;
    }
}
