using Collaboration.Audit.Checkpoints;
using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;
using Collaboration.Audit.Visibility;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;

namespace Collaboration.Cli;

/// <summary>The log, its key file and the audit signing key, opened as the API opens them.</summary>
internal sealed class CliContext : IAsyncDisposable
{
    private readonly SqlitePersonalKeyStore keys;

    private CliContext(string db, string? keysPath, string? signingKeyPath, TimeProvider time)
    {
        DatabasePath = Path.GetFullPath(db);
        keys = new SqlitePersonalKeyStore(keysPath ?? SqlitePersonalKeyStore.DefaultPathFor(DatabasePath));
        SigningKeyPath = signingKeyPath ?? CheckpointSigner.DefaultPathFor(DatabasePath);
        Serializer = new EventSerializer(DomainEventTypes.CreateRegistry(PersonalDataConverter.All(keys)));
        Store = new SqliteEventStore(new SqliteEventStoreOptions { Path = DatabasePath }, time);
        Time = time;
    }

    public string DatabasePath { get; }

    public string SigningKeyPath { get; }

    public IPersonalKeyStore Keys => keys;

    public EventSerializer Serializer { get; }

    public SqliteEventStore Store { get; }

    /// <summary>The operator at the console runs as the office: the policy's privileged row, erased data still erased.</summary>
    public VisibilityScope Visibility => new(VisibilityPolicy.Default, Viewer.Office, Store, Serializer);

    public TimeProvider Time { get; }

    public static CliContext Open(string db, string? keysPath, string? signingKeyPath, TimeProvider? time = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(db))!);
        return new CliContext(db, keysPath, signingKeyPath, time ?? TimeProvider.System);
    }

    public CheckpointSigner Signer() => new(SigningKeyPath);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        keys.Dispose();
    }
}
