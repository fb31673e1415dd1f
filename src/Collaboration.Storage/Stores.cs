using Collaboration.EventStore;
using Collaboration.EventStore.Postgres;
using Collaboration.EventStore.Sqlite;
using Collaboration.Projections.Postgres;
using Collaboration.Projections.Sqlite;
using Collaboration.Projections.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collaboration.Storage;

/// <summary>
/// The event store and the view store of one backend, opened together with their schemas created or migrated: the
/// only code that knows which backends exist. Everything else takes <see cref="IEventStore"/> and <see cref="IViewStore"/>.
/// </summary>
public sealed class Stores : IAsyncDisposable
{
    private Stores(StoreSettings settings, IEventStore events, IViewStore views)
    {
        Settings = settings;
        Events = events;
        Views = views;
    }

    public StoreSettings Settings { get; }

    public IEventStore Events { get; }

    public IViewStore Views { get; }

    /// <summary>Opens both stores and creates or migrates their schemas.</summary>
    public static async Task<Stores> OpenAsync(StoreSettings settings, TimeProvider time, ILoggerFactory? loggers = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        loggers ??= NullLoggerFactory.Instance;
        switch (settings.Provider)
        {
            case StoreProvider.Sqlite:
            {
                var events = await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = settings.SqlitePath, BusyTimeout = settings.SqliteBusyTimeout }, time, loggers.CreateLogger<SqliteEventStore>(), ct);
                return await WithViewsAsync(settings, events, new SqliteViewStore(events), ct);
            }

            case StoreProvider.Postgres:
            {
                var connectionString = settings.PostgresConnectionString ?? throw new InvalidOperationException("No PostgreSQL connection string.");
                var events = await PostgresEventStore.OpenAsync(new PostgresEventStoreOptions { ConnectionString = connectionString }, time, loggers.CreateLogger<PostgresEventStore>(), ct);
                return await WithViewsAsync(settings, events, PostgresViewStore.Create(connectionString), ct);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown store provider.");
        }
    }

    /// <summary>
    /// As <see cref="OpenAsync"/>, blocking: for a host's service registrations, which are synchronous and run once at
    /// start (there is no synchronisation context to deadlock on).
    /// </summary>
    public static Stores Open(StoreSettings settings, TimeProvider time, ILoggerFactory? loggers = null)
    {
#pragma warning disable VSTHRD002 // Start-up only, on a thread without a synchronisation context.
        return Task.Run(() => OpenAsync(settings, time, loggers)).GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
    }

    public async ValueTask DisposeAsync()
    {
        if (Views is IAsyncDisposable views)
        {
            await views.DisposeAsync();
        }

        await Events.DisposeAsync();
    }

    private static async Task<Stores> WithViewsAsync(StoreSettings settings, IEventStore events, IViewStore views, CancellationToken ct)
    {
        try
        {
            await views.InitializeAsync(ct);
            return new Stores(settings, events, views);
        }
        catch
        {
            if (views is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }

            await events.DisposeAsync();
            throw;
        }
    }
}
