using Collaboration.Api.Application;
using Collaboration.Audit.Checkpoints;
using Collaboration.Audit.Privacy;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Collaboration.Storage;

namespace Collaboration.Api.Hosting;

/// <summary>
/// Opens the event store and view store named by configuration (<c>Store:Provider</c>, <c>Store:Sqlite:Path</c>,
/// <c>ConnectionStrings:Postgres</c>: <see cref="StoreSettings"/>),
/// the per-person key store and the audit signing key: with SQLite files beside the log (<c>Store:Keys:Path</c>, default
/// <c>&lt;log&gt;.keys.db</c>; <c>Audit:SigningKeyPath</c>, default <c>&lt;log&gt;.audit-key.pem</c>), with PostgreSQL tables in its
/// database, shared by every node (<see cref="AuditKeys"/>, ADR 0021).
/// </summary>
public static class StoreSetup
{
    public static IServiceCollection AddEventStore(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddStores(configuration, environment.ContentRootPath);
        var settings = StoreSettings.FromConfiguration(configuration, environment.ContentRootPath);
        // With SQLite the key and signing-key files live beside the log; with PostgreSQL both are in its database (ADR 0021).
        string? keysPath = null, signingPath = null;
        if (settings.Provider == StoreProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(settings.SqlitePath)!);
            keysPath = configuration["Store:Keys:Path"] is { Length: > 0 } k ? Path.GetFullPath(k, environment.ContentRootPath) : null;
            signingPath = configuration["Audit:SigningKeyPath"] is { Length: > 0 } s ? Path.GetFullPath(s, environment.ContentRootPath) : null;
        }

        services.AddSingleton<StreamStateCache>();
        services.AddSingleton<IPersonalKeyStore>(sp => new StateEvictingKeyStore(
            AuditKeys.OpenKeyStore(settings, keysPath), sp.GetRequiredService<StreamStateCache>()));
        services.AddSingleton(_ => AuditKeys.OpenSigner(settings, signingPath));
        services.AddSingleton(sp => DomainEventTypes.CreateRegistry(PersonalDataConverter.All(sp.GetRequiredService<IPersonalKeyStore>())));
        services.AddSingleton<EventSerializer>();
        services.AddSingleton<PersonalDataEraser>();
        return services;
    }
}
