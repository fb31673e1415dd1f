using System.Security.Cryptography;
using Collaboration.Audit.Privacy;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore.Postgres;
using Npgsql;

namespace Collaboration.Audit.Postgres;

/// <summary>
/// The personal keys in the PostgreSQL database of the log (<c>person_keys</c>, <c>erased_persons</c>), so that every app
/// node seals and opens with the same keys and an erasure on one node holds on all of them (ADR 0021).
/// </summary>
/// <remarks>
/// As in the SQLite store, the keys read recently are cached (<see cref="PersonKeyCache"/>, bounded), and every erasure
/// adds a row to <c>erased_persons</c> whose identity only grows: a node drops its cache when the newest one has moved,
/// checked at most every <see cref="RevalidateEvery"/>.
/// A deleted key's row is vacuumed at once, but the database's WAL and its backups keep the bytes until they are
/// recycled: keep the backups' retention in mind, as with the SQLite key file.
/// </remarks>
public sealed class PostgresPersonalKeyStore : IPersonalKeyStore, IAsyncDisposable, IDisposable
{
    /// <summary>How stale a node's cache may be towards an erasure made on another node.</summary>
    public static readonly TimeSpan RevalidateEvery = TimeSpan.FromMilliseconds(250);

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS person_keys (person uuid PRIMARY KEY, key bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS erased_persons (
            erasure bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            person uuid PRIMARY KEY,
            erased_at timestamptz NOT NULL DEFAULT now());
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly PersonKeyCache cache = new();
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private long knownErasure;
    private long validatedAt;

    private PostgresPersonalKeyStore(NpgsqlDataSource dataSource, TimeProvider time)
    {
        this.dataSource = dataSource;
        this.time = time;
        Run(connection =>
        {
            using var command = new NpgsqlCommand(Schema, connection);
            command.ExecuteNonQuery();
            knownErasure = LatestErasure(connection);
            return 0;
        });
        validatedAt = time.GetTimestamp();
    }

    /// <summary>Opens the key store on the database <paramref name="connectionString"/> names, creating its tables.</summary>
    public static PostgresPersonalKeyStore Open(string connectionString, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            return new PostgresPersonalKeyStore(dataSource, time ?? TimeProvider.System);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    public byte[] GetOrCreate(PersonId person)
    {
        if (Find(person) is { } known)
        {
            return known;
        }

        lock (gate)
        {
            var key = Run(connection =>
            {
                // Erased check and insert in one statement: another node erasing meanwhile cannot be overtaken, and a
                // key another node just created is the one kept (ON CONFLICT), so both nodes seal with the same key.
                using var command = new NpgsqlCommand("""
                    WITH made AS (
                        INSERT INTO person_keys (person, key)
                        SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM erased_persons WHERE person = $1)
                        ON CONFLICT (person) DO NOTHING
                        RETURNING key)
                    SELECT key FROM made UNION ALL SELECT key FROM person_keys WHERE person = $1 LIMIT 1;
                    """, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = person.Value });
                command.Parameters.Add(new NpgsqlParameter { Value = RandomNumberGenerator.GetBytes(IPersonalKeyStore.KeySize) });
                return command.ExecuteScalar() as byte[];
            });
            if (key is null)
            {
                throw new PersonErasedException(person);
            }

            cache.Set(person.Value, key);
            return key;
        }
    }

    public byte[]? Find(PersonId person)
    {
        Revalidate();
        if (cache.TryGet(person.Value, out var cached))
        {
            return cached;
        }

        var key = Run(connection =>
        {
            using var command = new NpgsqlCommand("SELECT key FROM person_keys WHERE person = $1;", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = person.Value });
            return command.ExecuteScalar() as byte[];
        });
        if (key is not null)
        {
            cache.Set(person.Value, key);
        }

        return key;
    }

    public bool IsErased(PersonId person) => Run(connection =>
    {
        using var command = new NpgsqlCommand("SELECT 1 FROM erased_persons WHERE person = $1;", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = person.Value });
        return command.ExecuteScalar() is not null;
    });

    public bool Delete(PersonId person)
    {
        lock (gate)
        {
            var deleted = Run(connection =>
            {
                using var command = new NpgsqlCommand("""
                    WITH gone AS (DELETE FROM person_keys WHERE person = $1 RETURNING 1),
                         marked AS (INSERT INTO erased_persons (person) VALUES ($1) ON CONFLICT (person) DO NOTHING)
                    SELECT count(*) FROM gone;
                    """, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = person.Value });
                var count = (long)command.ExecuteScalar()!;

                // The deleted row stays in its page until vacuumed; vacuum now, so the key's bytes do not wait for autovacuum.
                using var vacuum = new NpgsqlCommand("VACUUM person_keys;", connection);
                vacuum.ExecuteNonQuery();
                return count > 0;
            });
            cache.Remove(person.Value);
            return deleted;
        }
    }

    public long Count() => Run(connection =>
    {
        using var command = new NpgsqlCommand("SELECT count(*) FROM person_keys;", connection);
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>Every key with its person, and every erased person: what a migration copies (<c>collab migrate</c>).</summary>
    public void Import(IEnumerable<(Guid Person, byte[] Key)> keys, IEnumerable<Guid> erased)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(erased);
        Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            foreach (var person in erased)
            {
                using var mark = new NpgsqlCommand("INSERT INTO erased_persons (person) VALUES ($1) ON CONFLICT (person) DO NOTHING;", connection, transaction);
                mark.Parameters.Add(new NpgsqlParameter { Value = person });
                mark.ExecuteNonQuery();
            }

            foreach (var (person, key) in keys)
            {
                // A key already there is kept as it is: a resumed migration copies the same keys again.
                using var insert = new NpgsqlCommand("INSERT INTO person_keys (person, key) VALUES ($1, $2) ON CONFLICT (person) DO NOTHING;", connection, transaction);
                insert.Parameters.Add(new NpgsqlParameter { Value = person });
                insert.Parameters.Add(new NpgsqlParameter { Value = key });
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return 0;
        });
        cache.Clear();
    }

    public void Dispose() => dataSource.Dispose();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <summary>Forgets every cached key when some node erased someone since the last look.</summary>
    private void Revalidate()
    {
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(Interlocked.Read(ref validatedAt), now) < RevalidateEvery)
        {
            return;
        }

        var latest = Run(LatestErasure);
        if (Interlocked.Exchange(ref knownErasure, latest) != latest)
        {
            cache.Clear();
        }

        Interlocked.Exchange(ref validatedAt, now);
    }

    private static long LatestErasure(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT COALESCE(max(erasure), 0) FROM erased_persons;", connection);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Synchronous on purpose (the sealing converters call the store from inside a JSON converter); a database that
    /// cannot be reached is a <see cref="EventStore.StoreUnavailableException"/> (503), as for the log.
    /// </summary>
    private T Run<T>(Func<NpgsqlConnection, T> work)
    {
        try
        {
            using var connection = dataSource.OpenConnection();
            return work(connection);
        }
        catch (Exception e) when (PostgresFaults.IsUnavailable(e))
        {
            throw PostgresFaults.Translate(e);
        }
    }
}
