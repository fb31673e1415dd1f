using System.Security.Cryptography;
using Collaboration.Audit.Privacy;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Microsoft.Data.Sqlite;

namespace Collaboration.Audit.Sqlite;

/// <summary>
/// The personal keys in a SQLite file kept apart from the event log (<c>Store:Keys:Path</c>, by default
/// <c>&lt;log&gt;.keys.db</c>). Back this file up separately from the log — and never restore an old copy after an
/// erasure, or the erased person comes back.
/// </summary>
/// <remarks>
/// The keys read recently are cached in memory (<see cref="PersonKeyCache"/>, bounded), but another process
/// (<c>collab erase-person</c>) may erase from the same file: every erasure adds a row to <c>erased_persons</c>, and the
/// cache is dropped when that table's newest row id has moved, checked at most every <see cref="RevalidateEvery"/>.
/// </remarks>
public sealed class SqlitePersonalKeyStore : IPersonalKeyStore, IDisposable
{
    /// <summary>
    /// How stale the cache may be towards an erasure made by another process. Short enough that an erased person's data stops
    /// reading within a blink; long enough that reading a log full of sealed fields does not query the file once per field.
    /// </summary>
    public static readonly TimeSpan RevalidateEvery = TimeSpan.FromMilliseconds(250);

    private readonly string connectionString;
    private readonly string createConnectionString;
    private readonly PersonKeyCache cache;
    private readonly Lock gate = new();
    private readonly Lock queueGate = new();
    private Dictionary<Guid, NewKey> queued = [];
    private int draining;
    private readonly TimeProvider time;
    private long knownErasure;
    private long validatedAt;

    public SqlitePersonalKeyStore(string path, TimeProvider? time = null, int cacheCapacity = PersonKeyCache.DefaultCapacity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.time = time ?? TimeProvider.System;
        cache = new PersonKeyCache(cacheCapacity);
        Path = System.IO.Path.GetFullPath(path);
        createConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        // After the first open the file must exist: a key file that went missing is never silently recreated empty,
        // which would make every sealed field read as erased (ADR 0017).
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, Mode = SqliteOpenMode.ReadWrite }.ToString();
        using var connection = new SqliteConnection(createConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS person_keys (person BLOB PRIMARY KEY, key BLOB NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS erased_persons (person BLOB PRIMARY KEY, erased_at TEXT NOT NULL);
            """;
        command.ExecuteNonQuery();
        knownErasure = LatestErasure(connection);
        validatedAt = this.time.GetTimestamp();
    }

    /// <summary>The full path of the key file.</summary>
    public string Path { get; }

    /// <summary>The key file conventionally kept next to a log file.</summary>
    public static string DefaultPathFor(string logPath) => logPath + ".keys.db";

    /// <summary>
    /// The person's key, created (durably, before it is returned) when there is none. New keys are written in groups:
    /// callers that arrive while a group is being committed queue their keys, and the next of them to get the write gate
    /// commits every queued key in one transaction, so concurrent new persons share one sync of the file instead of
    /// taking turns with one each.
    /// </summary>
    public byte[] GetOrCreate(PersonId person)
    {
        if (Find(person) is { } known)
        {
            return known;
        }

        var entry = Enqueue(person);
        lock (gate)
        {
            if (!entry.Completion.Task.IsCompleted)
            {
                WriteGroup(TakeQueued());
            }
        }

        // The group that held the entry was written under the gate this caller has since held: the outcome is there.
        return entry.Failure is { } failure ? throw failure : entry.Key;
    }

    /// <summary>
    /// The same as <see cref="GetOrCreate"/> without blocking the caller: the key is queued and one drainer on the thread
    /// pool commits the queued groups while the callers await theirs, instead of every caller blocking (and spinning) on the
    /// write gate. The file is not read before queuing: the group's transaction checks every key against it.
    /// </summary>
    public async ValueTask<byte[]> GetOrCreateAsync(PersonId person, CancellationToken cancellationToken = default)
    {
        Revalidate();
        if (cache.TryGet(person.Value, out var cached))
        {
            return cached;
        }

        var entry = Enqueue(person);
        if (Interlocked.CompareExchange(ref draining, 1, 0) == 0)
        {
            _ = Task.Run(Drain, CancellationToken.None);
        }

        return await entry.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private NewKey Enqueue(PersonId person)
    {
        lock (queueGate)
        {
            if (!queued.TryGetValue(person.Value, out var entry))
            {
                queued[person.Value] = entry = new NewKey(person, RandomNumberGenerator.GetBytes(IPersonalKeyStore.KeySize));
            }

            return entry;
        }
    }

    private Dictionary<Guid, NewKey>.ValueCollection TakeQueued()
    {
        lock (queueGate)
        {
            var group = queued;
            queued = [];
            return group.Values;
        }
    }

    // Commits queued groups until the queue is empty; a key queued after the last look starts the next drainer.
    private void Drain()
    {
        do
        {
            while (true)
            {
                lock (gate)
                {
                    var group = TakeQueued();
                    if (group.Count == 0)
                    {
                        break;
                    }

                    WriteGroup(group);
                }
            }

            Volatile.Write(ref draining, 0);
        }
        while (HasQueued() && Interlocked.CompareExchange(ref draining, 1, 0) == 0);
    }

    private bool HasQueued()
    {
        lock (queueGate)
        {
            return queued.Count > 0;
        }
    }

    // Under the write gate. Each queued key is checked against the file inside the transaction (another process may have
    // written or erased the person), then every key is inserted and the group committed at once.
    private void WriteGroup(Dictionary<Guid, NewKey>.ValueCollection group)
    {
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            using var find = connection.CreateCommand();
            find.Transaction = transaction;
            find.CommandText = "SELECT key FROM person_keys WHERE person = $person;";
            var findPerson = find.Parameters.Add("$person", SqliteType.Blob);
            using var erased = connection.CreateCommand();
            erased.Transaction = transaction;
            erased.CommandText = "SELECT 1 FROM erased_persons WHERE person = $person;";
            var erasedPerson = erased.Parameters.Add("$person", SqliteType.Blob);
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO person_keys (person, key, created_at) VALUES ($person, $key, $at);";
            var insertPerson = insert.Parameters.Add("$person", SqliteType.Blob);
            var insertKey = insert.Parameters.Add("$key", SqliteType.Blob);
            insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var entry in group)
            {
                var id = entry.Person.Value.ToByteArray();
                findPerson.Value = id;
                erasedPerson.Value = id;
                if (find.ExecuteScalar() is byte[] existing)
                {
                    entry.Key = existing;
                }
                else if (erased.ExecuteScalar() is not null)
                {
                    entry.Failure = new PersonErasedException(entry.Person);
                }
                else
                {
                    insertPerson.Value = id;
                    insertKey.Value = entry.Key;
                    insert.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            foreach (var entry in group.Where(e => e.Failure is null))
            {
                cache.Set(entry.Person.Value, entry.Key);
            }
        }
        catch (Exception e)
        {
            // Every caller of the group gets the fault the write met (503 for an unavailable file, ADR 0017), the leader too.
            foreach (var entry in group)
            {
                entry.Failure ??= e;
            }
        }
        finally
        {
            foreach (var entry in group)
            {
                if (entry.Failure is { } failure)
                {
                    entry.Completion.TrySetException(failure);
                }
                else
                {
                    entry.Completion.TrySetResult(entry.Key);
                }
            }
        }
    }

    /// <summary>A key waiting to be written; its caller reads it from <see cref="Completion"/> once the group that held it was committed or failed.</summary>
    private sealed class NewKey(PersonId person, byte[] key)
    {
        public PersonId Person { get; } = person;

        public byte[] Key { get; set; } = key;

        public Exception? Failure { get; set; }

        // Continuations run on the pool, not on the drainer that commits the group and goes on to the next one.
        public TaskCompletionSource<byte[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public byte[]? Find(PersonId person)
    {
        Revalidate();
        if (cache.TryGet(person.Value, out var cached))
        {
            return cached;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM person_keys WHERE person = $person;";
        command.Parameters.AddWithValue("$person", person.Value.ToByteArray());
        var key = command.ExecuteScalar() as byte[];
        if (key is not null)
        {
            cache.Set(person.Value, key);
        }

        return key;
    }

    public bool IsErased(PersonId person)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM erased_persons WHERE person = $person;";
        command.Parameters.AddWithValue("$person", person.Value.ToByteArray());
        return command.ExecuteScalar() is not null;
    }

    public bool Delete(PersonId person)
    {
        lock (gate)
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM person_keys WHERE person = $person;";
            delete.Parameters.AddWithValue("$person", person.Value.ToByteArray());
            var deleted = delete.ExecuteNonQuery() > 0;
            using var mark = connection.CreateCommand();
            mark.Transaction = transaction;
            mark.CommandText = "INSERT OR IGNORE INTO erased_persons (person, erased_at) VALUES ($person, $at);";
            mark.Parameters.AddWithValue("$person", person.Value.ToByteArray());
            mark.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            mark.ExecuteNonQuery();
            transaction.Commit();
            cache.Remove(person.Value);

            // secure_delete zeroed the key's cell in the page, but the WAL still holds the page as it was when the key was
            // written (and the zeroed page is not in the main file yet): copy everything back and empty the WAL, so no
            // byte of the key is left in either file. A reader in another process can hold the checkpoint back; the next
            // erasure or start of the tracker retries it.
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
            return deleted;
        }
    }

    public long Count()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM person_keys;";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every key with its person, and every erased person: what a migration copies (<c>collab migrate</c>).</summary>
    public (IReadOnlyList<(Guid Person, byte[] Key)> Keys, IReadOnlyList<Guid> Erased) Export()
    {
        using var connection = Open();
        var keys = new List<(Guid, byte[])>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT person, key FROM person_keys ORDER BY person;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                keys.Add((new Guid((byte[])reader[0]), (byte[])reader[1]));
            }
        }

        var erased = new List<Guid>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT person FROM erased_persons ORDER BY rowid;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                erased.Add(new Guid((byte[])reader[0]));
            }
        }

        return (keys, erased);
    }

    /// <summary>Closes this file's pooled connections (only this file's: the log's pool is not ours to clear).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        using var creating = new SqliteConnection(createConnectionString);
        SqliteConnection.ClearPool(creating);
    }

    private SqliteConnection Open()
    {
        // A pooled connection keeps the file it opened even after that file was deleted or moved away: keys written
        // through it would vanish with the unlinked file at the next start. Checked on every open (one stat) and the
        // pool dropped, so the file put back is the one used again (ADR 0017).
        if (!File.Exists(Path))
        {
            using var stale = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(stale);
            throw new StoreUnavailableException($"The key file {Path} is missing.");
        }

        var connection = new SqliteConnection(connectionString);
        connection.Open();

        // Per connection, and every connection may free pages: a deleted key must be overwritten, not left in a free block.
        using var secure = connection.CreateCommand();
        secure.CommandText = "PRAGMA secure_delete = ON;";
        secure.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Forgets every cached key when another store (possibly another process) erased someone since the last look.</summary>
    private void Revalidate()
    {
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(Interlocked.Read(ref validatedAt), now) < RevalidateEvery)
        {
            return;
        }

        if (!File.Exists(Path))
        {
            // Keys already read stay readable while the file is away; new ones cannot be looked up or made (503).
            return;
        }

        using var connection = Open();
        var latest = LatestErasure(connection);
        if (Interlocked.Exchange(ref knownErasure, latest) != latest)
        {
            cache.Clear();
        }

        Interlocked.Exchange(ref validatedAt, now);
    }

    // Rows of erased_persons are never deleted, so the newest row id only grows: a cheap change counter across processes.
    private static long LatestErasure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(rowid), 0) FROM erased_persons;";
        return (long)command.ExecuteScalar()!;
    }
}
