using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// The single writer. It owns one connection and a set of prepared statements, and writes a whole batch of
/// callers' appends in one IMMEDIATE transaction (group commit). Each append is decided on its own: a conflict
/// or an idempotency violation affects only that caller. Positions are head + 1 read inside the write lock, so
/// the log stays dense even if another process appended in between. Each event's stream entry goes to the
/// append-only <c>stream_tail</c> (the next page, not the stream's own index page) and is folded into
/// <c>stream_index</c> in bulk (ADR 0010).
/// </summary>
internal sealed class SqliteAppendWriter : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly TimeProvider time;
    private readonly SqliteCommand readHead;
    private readonly SqliteCommand readRevision;
    // The insert runs once per event, so it is bound and stepped on the native statement directly: the
    // ADO.NET layer costs several microseconds per execution in parameter binding and reader set-up.
    private readonly sqlite3_stmt insert;
    private readonly sqlite3_stmt insertTail;
    private readonly SqliteCommand readTail;
    private readonly SqliteCommand fold;
    private readonly SqliteCommand findEvent;
    private readonly SqliteCommand deleteFrom;
    private readonly SqliteParameter revisionStream;
    private readonly SqliteParameter findId;
    private readonly SqliteParameter deletePosition;

    // Last revision of every stream with entries in the tail, and of other recently written streams. Inside a batch
    // it lets appends see each other; a stream missing from it is answered by one seek in the folded index, never by
    // a scan of the tail. It is trusted only while nobody else has written to the file: the head read at the start
    // of each transaction must equal the head this writer committed last; otherwise (or after a rollback, a stream
    // index rebuild, or growing past its bound) it starts again from the streams in the tail.
    private readonly Dictionary<string, long> knownRevisions = new(StringComparer.Ordinal);
    // A bound, not a record of every stream: it held every stream written since the process started (3.75 MB of entries
    // after the load driver's 10-minute day, growing with each new case), and a stream it forgot costs one index seek.
    // Above what the tail can hold (foldRows streams), or it would start again at every transaction.
    private readonly int maxKnownRevisions;
    private long tailRows;
    private bool tailKnown;
    private int appendsInTransaction;
    private readonly int foldRows;

    // Under light traffic (small groups) the tail is folded much earlier, so that the tail scan every stream read
    // pays stays a few microseconds; heavy traffic folds at foldRows, where the fold is amortised over many commits.
    private const int LightGroupAppends = 16;
    private const int LightFoldRows = 256;

    private SqliteTransaction? transaction;
    private long head;
    private byte[] lastHash = new byte[EventHash.Size];
    private long committedHead;
    private byte[] committedHash = new byte[EventHash.Size];

    public SqliteAppendWriter(SqliteConnection connection, TimeProvider time, int foldRows)
    {
        this.connection = connection;
        this.time = time;
        this.foldRows = Math.Max(1, foldRows);
        maxKnownRevisions = Math.Max(16_384, 4 * this.foldRows);

        readHead = connection.CreateCommand();
        readHead.CommandText = "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1;";

        readRevision = connection.CreateCommand();
        // Only the folded index: streams in the tail are always in knownRevisions.
        readRevision.CommandText = "SELECT MAX(revision) FROM stream_index WHERE stream = $stream;";
        revisionStream = readRevision.Parameters.Add("$stream", SqliteType.Text);

        Check(raw.sqlite3_prepare_v2(
            connection.Handle,
            """
            INSERT INTO events (position, event_id, stream, revision, type, data, metadata, timestamp, hash)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT (event_id) DO NOTHING;
            """,
            out insert));
        Check(raw.sqlite3_prepare_v2(connection.Handle, "INSERT INTO stream_tail (position, stream, revision) VALUES (?1, ?2, ?3);", out insertTail));

        readTail = connection.CreateCommand();
        readTail.CommandText = "SELECT stream, MAX(revision), COUNT(*) FROM stream_tail GROUP BY stream;";

        fold = connection.CreateCommand();
        fold.CommandText = """
            INSERT INTO stream_index (stream, revision, position)
                SELECT stream, revision, position FROM stream_tail ORDER BY stream, revision;
            DELETE FROM stream_tail;
            """;

        findEvent = connection.CreateCommand();
        findEvent.CommandText = "SELECT stream, revision, position FROM events WHERE event_id = $event_id;";
        findId = findEvent.Parameters.Add("$event_id", SqliteType.Blob);

        deleteFrom = connection.CreateCommand();
        deleteFrom.CommandText = "DELETE FROM events WHERE position >= $position; DELETE FROM stream_tail WHERE position >= $position;";
        deletePosition = deleteFrom.Parameters.Add("$position", SqliteType.Integer);
    }

    /// <summary>The last committed position as seen by this writer.</summary>
    public long Head => head;

    /// <summary>
    /// Starts the group's IMMEDIATE transaction (taking the write lock) and reads the head inside it. Appends are
    /// then added one by one with <see cref="Add"/>, possibly while more callers are still arriving, and made
    /// durable together by <see cref="Commit"/>.
    /// </summary>
    public void Begin()
    {
        transaction = connection.BeginTransaction(deferred: false);
        readHead.Transaction = transaction;
        readRevision.Transaction = transaction;
        findEvent.Transaction = transaction;
        deleteFrom.Transaction = transaction;
        readTail.Transaction = transaction;
        fold.Transaction = transaction;
        appendsInTransaction = 0;
        try
        {
            var (startHead, startHash) = ReadHead();
            if (startHead != head || !tailKnown || knownRevisions.Count > maxKnownRevisions)
            {
                LoadTail();
            }

            head = startHead;
            lastHash = startHash;
            committedHead = startHead;
            committedHash = startHash;
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    /// <summary>
    /// Decides and writes one append inside the open transaction and records its outcome on it: a conflict or
    /// an idempotency violation affects only that caller. Throws only when the transaction itself fails; the
    /// caller must then <see cref="Rollback"/> and fail every append of the group.
    /// </summary>
    public void Add(PendingAppend pending)
    {
        if (pending.CancellationToken.IsCancellationRequested)
        {
            pending.Cancelled = true;
            return;
        }

        try
        {
            pending.Result = Append(pending);
        }
        catch (IdempotencyViolationException e)
        {
            pending.Error = e;
        }
    }

    /// <summary>
    /// Folds the stream tail into the index when it is due, then commits (with synchronous=FULL: the group is on
    /// disk when this returns).
    /// </summary>
    public void Commit()
    {
        var tx = transaction ?? throw new InvalidOperationException("No transaction is open.");
        try
        {
            if (tailRows >= foldRows || (tailRows >= LightFoldRows && appendsInTransaction < LightGroupAppends))
            {
                fold.ExecuteNonQuery();
                tailRows = 0;
            }

            tx.Commit();
        }
        catch
        {
            Rollback();
            throw;
        }

        transaction = null;
        tx.Dispose();
        committedHead = head;
        committedHash = lastHash;
    }

    /// <summary>Abandons the open transaction (if any) and forgets what it wrote.</summary>
    public void Rollback()
    {
        // The next transaction starts again from what the file says.
        tailKnown = false;
        head = committedHead;
        lastHash = committedHash;

        // Forgotten before disposing: if the rollback itself throws, a second call must not try it again.
        var tx = transaction;
        transaction = null;
        tx?.Dispose();
    }

    private (long Head, byte[] Hash) ReadHead()
    {
        using var reader = readHead.ExecuteReader();
        return reader.Read()
            ? (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
            : (0, new byte[EventHash.Size]);
    }

    /// <summary>Makes the next transaction reload the tail (after the stream index was rebuilt under the write gate).</summary>
    public void ForgetTail() => tailKnown = false;

    private void LoadTail()
    {
        knownRevisions.Clear();
        tailRows = 0;
        using (var reader = readTail.ExecuteReader())
        {
            while (reader.Read())
            {
                knownRevisions[reader.GetString(0)] = reader.GetInt64(1);
                tailRows += reader.GetInt64(2);
            }
        }

        tailKnown = true;
    }

    private long? CurrentRevision(string stream)
    {
        if (knownRevisions.TryGetValue(stream, out var known))
        {
            return known;
        }

        revisionStream.Value = stream;
        var value = readRevision.ExecuteScalar();
        return value is long revision ? revision : null;
    }

    private AppendResult Append(PendingAppend pending)
    {
        var stream = pending.Stream;
        var events = pending.Events;
        var current = CurrentRevision(stream);
        if (!pending.Expected.IsSatisfiedBy(current))
        {
            // A retry of an append that already succeeded no longer matches its expected revision.
            return (AppendResult?)FindReplay(pending) ?? new AppendResult.WrongExpectedRevision(stream, pending.Expected, current);
        }

        var firstRevision = (current ?? -1) + 1;
        var firstPosition = head + 1;
        var timestamp = EventHash.ToUnixMicroseconds(time.GetUtcNow());
        var previous = lastHash;
        Span<byte> id = stackalloc byte[16];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var position = firstPosition + i;
            var revision = firstRevision + i;
            var data = e.Data.Span;
            var metadata = pending.Metadata[i];

            var hash = EventHash.Compute(previous, position, stream, revision, e.Type, data, metadata, timestamp);
            e.EventId.TryWriteBytes(id, bigEndian: true, out _);
            if (Insert(position, id, stream, revision, e.Type, data, metadata, timestamp, hash) == 0)
            {
                // An id already exists: undo this append's rows (they are the tail of the log) and explain.
                if (i > 0)
                {
                    deletePosition.Value = firstPosition;
                    deleteFrom.ExecuteNonQuery();
                    tailRows -= i;
                }

                return FindReplay(pending)
                    ?? throw new InvalidOperationException("An event id conflicted but cannot be found.");
            }

            InsertTail(position, stream, revision);
            tailRows++;
            previous = hash;
        }

        head = firstPosition + events.Count - 1;
        lastHash = previous;
        var lastRevision = firstRevision + events.Count - 1;
        knownRevisions[stream] = lastRevision;
        appendsInTransaction++;
        return new AppendResult.Appended(stream, firstRevision, lastRevision, firstPosition, head, WasIdempotentReplay: false);
    }

    /// <summary>
    /// Null when none of the ids exist. The original result when all exist, in this stream, in this order.
    /// Otherwise the ids were reused inconsistently, which is a programming error.
    /// </summary>
    private AppendResult.Appended? FindReplay(PendingAppend pending)
    {
        var events = pending.Events;
        long firstRevision = 0, firstPosition = 0;
        var found = 0;
        for (var i = 0; i < events.Count; i++)
        {
            findId.Value = SqliteEventStore.IdBytes(events[i].EventId);
            using var reader = findEvent.ExecuteReader();
            if (!reader.Read())
            {
                continue;
            }

            var stream = reader.GetString(0);
            var revision = reader.GetInt64(1);
            var position = reader.GetInt64(2);
            if (!string.Equals(stream, pending.Stream, StringComparison.Ordinal))
            {
                throw new IdempotencyViolationException(
                    pending.Stream,
                    $"Event {events[i].EventId} already exists in stream '{stream}', not '{pending.Stream}'.");
            }

            if (found == 0 && i == 0)
            {
                firstRevision = revision;
                firstPosition = position;
            }
            else if (found != i || revision != firstRevision + i || position != firstPosition + i)
            {
                throw Partial(pending);
            }

            found++;
        }

        if (found == 0)
        {
            return null;
        }

        if (found != events.Count)
        {
            throw Partial(pending);
        }

        return new AppendResult.Appended(
            pending.Stream,
            firstRevision,
            firstRevision + events.Count - 1,
            firstPosition,
            firstPosition + events.Count - 1,
            WasIdempotentReplay: true);
    }

    private int Insert(
        long position,
        ReadOnlySpan<byte> id,
        string stream,
        long revision,
        string type,
        ReadOnlySpan<byte> data,
        ReadOnlySpan<byte> metadata,
        long timestamp,
        ReadOnlySpan<byte> hash)
    {
        try
        {
            Check(raw.sqlite3_bind_int64(insert, 1, position));
            Check(raw.sqlite3_bind_blob(insert, 2, id));
            Check(raw.sqlite3_bind_text(insert, 3, stream));
            Check(raw.sqlite3_bind_int64(insert, 4, revision));
            Check(raw.sqlite3_bind_text(insert, 5, type));
            Check(data.IsEmpty ? raw.sqlite3_bind_zeroblob(insert, 6, 0) : raw.sqlite3_bind_blob(insert, 6, data));
            Check(metadata.IsEmpty ? raw.sqlite3_bind_zeroblob(insert, 7, 0) : raw.sqlite3_bind_blob(insert, 7, metadata));
            Check(raw.sqlite3_bind_int64(insert, 8, timestamp));
            Check(raw.sqlite3_bind_blob(insert, 9, hash));
            var rc = raw.sqlite3_step(insert);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }

            return raw.sqlite3_changes(connection.Handle);
        }
        finally
        {
            raw.sqlite3_reset(insert);
        }
    }

    private void InsertTail(long position, string stream, long revision)
    {
        try
        {
            Check(raw.sqlite3_bind_int64(insertTail, 1, position));
            Check(raw.sqlite3_bind_text(insertTail, 2, stream));
            Check(raw.sqlite3_bind_int64(insertTail, 3, revision));
            var rc = raw.sqlite3_step(insertTail);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            }
        }
        finally
        {
            raw.sqlite3_reset(insertTail);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

    private static IdempotencyViolationException Partial(PendingAppend pending) =>
        new(pending.Stream, $"Only some of the {pending.Events.Count} event ids of this append to '{pending.Stream}' already exist, or not in the same order: a retry must resend exactly the same events.");

    public void Dispose()
    {
        Rollback();
        readHead.Dispose();
        readRevision.Dispose();
        insert.Dispose();
        insertTail.Dispose();
        readTail.Dispose();
        fold.Dispose();
        findEvent.Dispose();
        deleteFrom.Dispose();
    }
}
