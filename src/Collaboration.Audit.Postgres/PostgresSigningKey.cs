using Collaboration.Audit.Checkpoints;
using Collaboration.EventStore.Postgres;
using Npgsql;

namespace Collaboration.Audit.Postgres;

/// <summary>
/// The checkpoint signing key in the PostgreSQL database (<c>audit_signing_key</c>, one row): every app node signs with
/// the same key, so a checkpoint taken from any node verifies on every other one (ADR 0021). The first node to need it
/// creates it; a race between two first nodes keeps one key (<c>ON CONFLICT DO NOTHING</c>, then read back).
/// </summary>
public static class PostgresSigningKey
{
    public static async Task<CheckpointSigner> OpenSignerAsync(string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using (var create = new NpgsqlCommand(
                "CREATE TABLE IF NOT EXISTS audit_signing_key (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), pem text NOT NULL);", connection))
            {
                await create.ExecuteNonQueryAsync(ct);
            }

            await using (var insert = new NpgsqlCommand("INSERT INTO audit_signing_key (pem) VALUES ($1) ON CONFLICT (singleton) DO NOTHING;", connection))
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = CheckpointSigner.NewPrivateKeyPem() });
                await insert.ExecuteNonQueryAsync(ct);
            }

            await using var command = new NpgsqlCommand("SELECT pem FROM audit_signing_key WHERE singleton;", connection);
            var pem = (string)(await command.ExecuteScalarAsync(ct))!;
            return CheckpointSigner.FromPem(pem);
        }
        catch (Exception e) when (PostgresFaults.IsUnavailable(e))
        {
            throw PostgresFaults.Translate(e);
        }
    }

    /// <summary>As <see cref="OpenSignerAsync"/>, blocking: for a host's synchronous service registrations.</summary>
    public static CheckpointSigner OpenSigner(string connectionString)
    {
#pragma warning disable VSTHRD002 // Start-up only, on a thread without a synchronisation context.
        return Task.Run(() => OpenSignerAsync(connectionString)).GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
    }
}
