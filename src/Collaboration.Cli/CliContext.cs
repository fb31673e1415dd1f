using Collaboration.Audit.Checkpoints;
using Collaboration.Audit.Privacy;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Collaboration.EventStore;
using Collaboration.Projections;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Collaboration.Storage;

namespace Collaboration.Cli;

/// <summary>
/// The log, its read models, its personal keys and the audit signing key, opened as the API opens them
/// (<see cref="Stores"/>, <see cref="AuditKeys"/>): a SQLite file or a PostgreSQL database, whichever <c>--db</c> names.
/// </summary>
internal sealed class CliContext : IAsyncDisposable
{
    private readonly string? signingKeyPath;

    private CliContext(StoreSettings settings, string? keysPath, string? signingKeyPath, TimeProvider time)
    {
        this.signingKeyPath = signingKeyPath;
        Keys = AuditKeys.OpenKeyStore(settings, keysPath);
        try
        {
            Serializer = new EventSerializer(DomainEventTypes.CreateRegistry(PersonalDataConverter.All(Keys)));
            Stores = Stores.Open(settings, time);
        }
        catch
        {
            (Keys as IDisposable)?.Dispose();
            throw;
        }

        Time = time;
    }

    public StoreSettings Settings => Stores.Settings;

    public IPersonalKeyStore Keys { get; }

    public EventSerializer Serializer { get; }

    public Stores Stores { get; }

    /// <summary>The log, on whichever backend; verbs use only the store contract.</summary>
    public IEventStore Store => Stores.Events;

    public IViewStore Views => Stores.Views;

    /// <summary>The operator at the console runs as the office: the policy's privileged row, erased data still erased.</summary>
    public VisibilityScope Visibility => new(VisibilityPolicy.Default, Viewer.Office, Store, Serializer);

    public TimeProvider Time { get; }

    /// <summary>Opens <paramref name="target"/>: a PostgreSQL connection string or a SQLite path (<see cref="StoreSettings.FromTarget"/>).</summary>
    public static CliContext Open(string target, string? keysPath, string? signingKeyPath, TimeProvider? time = null)
    {
        var settings = StoreSettings.FromTarget(target);
        if (settings.Provider == StoreProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(settings.SqlitePath)!);
        }

        return new CliContext(settings, keysPath, signingKeyPath, time ?? TimeProvider.System);
    }

    public CheckpointSigner Signer() => AuditKeys.OpenSigner(Settings, signingKeyPath);

    /// <summary>A projection runner over this log and its read models.</summary>
    public ProjectionRunner Runner() => new(Stores.Events, Stores.Views, Serializer, ReadModels.All());

    public async ValueTask DisposeAsync()
    {
        await Stores.DisposeAsync();
        (Keys as IDisposable)?.Dispose();
    }
}
