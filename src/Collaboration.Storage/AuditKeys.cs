using Collaboration.Audit.Checkpoints;
using Collaboration.Audit.Postgres;
using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;

namespace Collaboration.Storage;

/// <summary>
/// The personal key store and the checkpoint signing key of a backend (ADR 0021): with SQLite, files beside the log
/// (<c>&lt;log&gt;.keys.db</c> and <c>&lt;log&gt;.audit-key.pem</c> unless given); with PostgreSQL, tables in the log's
/// database, so every app node shares them — a path given for either is then not used.
/// </summary>
public static class AuditKeys
{
    public static IPersonalKeyStore OpenKeyStore(StoreSettings settings, string? keysPath, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Provider == StoreProvider.Postgres
            ? PostgresPersonalKeyStore.Open(RequireConnectionString(settings), time)
            : new SqlitePersonalKeyStore(keysPath ?? SqlitePersonalKeyStore.DefaultPathFor(settings.SqlitePath), time);
    }

    public static CheckpointSigner OpenSigner(StoreSettings settings, string? signingKeyPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Provider == StoreProvider.Postgres
            ? PostgresSigningKey.OpenSigner(RequireConnectionString(settings))
            : new CheckpointSigner(signingKeyPath ?? CheckpointSigner.DefaultPathFor(settings.SqlitePath));
    }

    private static string RequireConnectionString(StoreSettings settings) =>
        settings.PostgresConnectionString ?? throw new InvalidOperationException("No PostgreSQL connection string.");
}
