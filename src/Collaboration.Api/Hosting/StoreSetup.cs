using Collaboration.Audit.Checkpoints;
using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collaboration.Api.Hosting;

/// <summary>
/// Opens the event store named by configuration (<c>Store:Sqlite:Path</c>; default under the content root's <c>data/</c>),
/// the per-person key store kept beside it (<c>Store:Keys:Path</c>; default <c>&lt;log&gt;.keys.db</c>) and the audit signing
/// key (<c>Audit:SigningKeyPath</c>; default <c>&lt;log&gt;.audit-key.pem</c>).
/// </summary>
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
        var keysPath = configuration["Store:Keys:Path"] is { Length: > 0 } k ? Path.GetFullPath(k, environment.ContentRootPath) : SqlitePersonalKeyStore.DefaultPathFor(path);
        var signingPath = configuration["Audit:SigningKeyPath"] is { Length: > 0 } s ? Path.GetFullPath(s, environment.ContentRootPath) : CheckpointSigner.DefaultPathFor(path);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPersonalKeyStore>(_ => new SqlitePersonalKeyStore(keysPath));
        services.AddSingleton(_ => new CheckpointSigner(signingPath));
        services.AddSingleton(sp => DomainEventTypes.CreateRegistry(PersonalDataConverter.All(sp.GetRequiredService<IPersonalKeyStore>())));
        services.AddSingleton<EventSerializer>();
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton(sp => new SqliteEventStore(
            new SqliteEventStoreOptions { Path = path },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteEventStore>>()));
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<SqliteEventStore>());
        return services;
    }
}
