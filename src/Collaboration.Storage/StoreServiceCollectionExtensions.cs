using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Collaboration.Storage;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the backend named by configuration (<see cref="StoreSettings.FromConfiguration"/>): <see cref="StoreSettings"/>,
    /// <see cref="Stores"/>, <see cref="IEventStore"/> and <see cref="IViewStore"/>, opened on first use with their
    /// schemas created or migrated. With SQLite the concrete <see cref="SqliteEventStore"/> is registered too, for its
    /// statistics and maintenance.
    /// </summary>
    public static IServiceCollection AddStores(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = StoreSettings.FromConfiguration(configuration, contentRoot);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(sp => Stores.Open(settings, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        // The container disposes what these return as well as Stores; the stores' disposal is idempotent.
        services.AddSingleton(sp => sp.GetRequiredService<Stores>().Events);
        services.AddSingleton(sp => sp.GetRequiredService<Stores>().Views);
        if (settings.Provider == StoreProvider.Sqlite)
        {
            services.AddSingleton(sp => (SqliteEventStore)sp.GetRequiredService<IEventStore>());
        }

        return services;
    }
}
