using Collaboration.Audit.Checkpoints;
using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Collaboration.Storage;

namespace Collaboration.Api.Hosting;

/// <summary>
/// Opens the event store and view store named by configuration (<c>Store:Provider</c>, <c>Store:Sqlite:Path</c>,
/// <c>ConnectionStrings:Postgres</c>: <see cref="StoreSettings"/>),
/// the per-person key store kept beside it (<c>Store:Keys:Path</c>; default <c>&lt;log&gt;.keys.db</c>) and the audit signing
/// key (<c>Audit:SigningKeyPath</c>; default <c>&lt;log&gt;.audit-key.pem</c>).
/// </summary>
public static class StoreSetup
{
    public static IServiceCollection AddEventStore(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddStores(configuration, environment.ContentRootPath);
        // The key and signing-key files live beside the SQLite log's path, which is resolved for either backend.
        var path = StoreSettings.FromConfiguration(configuration, environment.ContentRootPath).SqlitePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var keysPath = configuration["Store:Keys:Path"] is { Length: > 0 } k ? Path.GetFullPath(k, environment.ContentRootPath) : SqlitePersonalKeyStore.DefaultPathFor(path);
        var signingPath = configuration["Audit:SigningKeyPath"] is { Length: > 0 } s ? Path.GetFullPath(s, environment.ContentRootPath) : CheckpointSigner.DefaultPathFor(path);
        services.AddSingleton<IPersonalKeyStore>(_ => new SqlitePersonalKeyStore(keysPath));
        services.AddSingleton(_ => new CheckpointSigner(signingPath));
        services.AddSingleton(sp => DomainEventTypes.CreateRegistry(PersonalDataConverter.All(sp.GetRequiredService<IPersonalKeyStore>())));
        services.AddSingleton<EventSerializer>();
        services.AddSingleton<PersonalDataEraser>();
        return services;
    }
}
