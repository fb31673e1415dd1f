using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;

namespace Collaboration.EventStore.Postgres;

/// <summary>
/// Writes one node's group of appends in one transaction, in one of two ways (ADR 0025).
/// <para>
/// One round trip: when this writer knows the head as of some commit, and every stream of the group (or the group's
/// appends to unknown streams expect none), it decides against what it knows and calls <c>event_store_append</c>,
/// which takes the position counter's row lock and inserts the rows. If other nodes committed since the head it
/// knows, the function moves the group behind their rows and recomputes the chain, unless they wrote one of the
/// group's streams; it then refuses and names the streams that moved. Whatever else was assumed is checked by the
/// schema: an existing event id or stream revision is a unique violation. A refused group is decided again the locked way.
/// </para>
/// <para>
/// Locked: it first takes the row lock on the position counter (<c>event_log_head ... FOR UPDATE</c>), which
/// serialises the commits of every node on the database; only then does it read the current revisions of the
/// group's streams and look for the group's event ids, so each decision is made against everything committed
/// before. The rows, the new head, the notification and COMMIT go out in a second round trip.
/// </para>
/// Each append is decided on its own (a conflict or an idempotency violation affects only that caller), and the
/// accepted events get the positions after the head and their chain hashes.
/// <para>
/// Either way the group commits asynchronously (<c>synchronous_commit = off</c>), so the counter's lock is released
/// once the commit record is written, before it is flushed, and another node's commit can overlap this one's flush.
/// In the same round trip a second, synchronous transaction then marks the head it sees as durable in this writer's
/// own row of <c>event_log_durable</c>: its flush covers every earlier commit record, this group's included, so
/// the callers are answered only after it, and readers read only up to the largest mark (ADR 0025, amendment for two nodes).
/// </para>
/// </summary>
internal sealed partial class PostgresAppendWriter(NpgsqlDataSource dataSource, TimeProvider time, string channel)
{
    private const string LockHead = "SELECT position, hash FROM event_log_head WHERE singleton FOR UPDATE;";
    private const string Asynchronously = "SET LOCAL synchronous_commit = off;";
    // One backward probe of the (stream, revision) index per stream. The obvious `WHERE stream = ANY($1) GROUP BY
    // stream` reads every row of the group's streams instead, so each commit grew with its streams' length (ADR 0025).
    private const string ReadRevisions = """
        SELECT s.stream, h.revision
        FROM unnest($1::text[]) AS s(stream)
        CROSS JOIN LATERAL (SELECT e.revision FROM events e WHERE e.stream = s.stream ORDER BY e.revision DESC LIMIT 1) h;
        """;
    private const string FindIds = "SELECT event_id, stream, revision, position FROM events WHERE event_id = ANY($1);";
    private const string Insert = """
        INSERT INTO events (position, event_id, stream, revision, type, data, metadata, timestamp_us, hash)
        SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::bytea[], $7::bytea[], $8::bigint[], $9::bytea[]);
        """;
    private const string AdvanceHead = "UPDATE event_log_head SET position = $1, hash = $2 WHERE singleton;";

    private const string AppendFunction = "SELECT moved_by, new_head, new_hash, changed_streams FROM event_store_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);";

    // How far other nodes may have moved the log before the function stops looking at what they wrote (their streams
    // are read back to keep this node's knowledge of the others); beyond it the node forgets all and locks.
    private const long MaxMoved = 10_000;

    private readonly WriterKnowledge known = new();

    // This writer's row of durable marks: a new one per store instance, so no two writers ever share (and wait on) a row.
    private readonly Guid id = Guid.NewGuid();

    /// <summary>The durable mark after this writer's last group: every position up to it is on disk, this group's included.</summary>
    public long Durable { get; private set; }

    /// <summary>How many groups were committed in one round trip (the function).</summary>
    public long CommitsInOneRoundTrip { get; private set; }

    /// <summary>How many of those landed behind other nodes' commits the node had not seen (moved by the function).</summary>
    public long CommitsMoved { get; private set; }

    /// <summary>
    /// Decides and writes <paramref name="batch"/> in one transaction, recording each append's outcome on it. Throws
    /// only when the transaction itself fails (nothing of the group is then written, or, when the connection broke
    /// during COMMIT, the outcome is unknown and a retry with the same event ids is answered as a replay).
    /// </summary>
    public async Task WriteAsync(List<PendingAppend> batch)
    {
        var live = new List<PendingAppend>(batch.Count);
        foreach (var append in batch)
        {
            if (append.CancellationToken.IsCancellationRequested)
            {
                append.Cancelled = true;
            }
            else
            {
                live.Add(append);
            }
        }

        if (live.Count == 0)
        {
            return;
        }

        // Not cancellable by any one caller: a group is committed or rolled back as a whole. A failing statement
        // makes the server skip the rest of its batch, COMMIT included, and the transaction is rolled back below.
        await using var connection = await dataSource.OpenConnectionAsync();
        try
        {
            if (!await TryWriteInOneRoundTripAsync(connection, live))
            {
                await WriteLockedAsync(connection, live);
            }
        }
        catch
        {
            // The transaction may or may not have committed: nothing known is trusted until the next lock.
            known.Forget();
            await RollBackQuietlyAsync(connection);
            throw;
        }
    }

    /// <summary>Two round trips: BEGIN with the lock and the look-ups, then the writes with COMMIT.</summary>
    private async Task WriteLockedAsync(NpgsqlConnection connection, List<PendingAppend> live)
    {
        var group = await LockAndLookUpAsync(connection, live);
        known.Locked(group.Head);
        foreach (var append in live)
        {
            known.Learn(append.Stream, group.Revisions.TryGetValue(append.Stream, out var revision) ? revision : null);
        }

        var rows = DecideAll(live, group);
        await using var write = new NpgsqlBatch(connection);
        if (rows.Count > 0)
        {
            // The head row is locked by this transaction since its first statement: nobody else can have moved it.
            write.BatchCommands.Add(rows.ToCommand(Insert));
            write.BatchCommands.Add(Command(AdvanceHead, group.Head, group.Hash));
        }

        // Marked even when nothing was written: a replay or a conflict was decided on rows that may not be durable yet.
        write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT;"));
        AddDurableMark(write, notify: rows.Count > 0);
        await using (var reader = await write.ExecuteReaderAsync())
        {
            await ReadDurableMarkAsync(reader);
        }

        Committed(group);
    }

    /// <summary>
    /// One round trip when every stream of the group is known (or assumed absent). False, with nothing written, when
    /// the group cannot be decided from what is known or the database refused it (the caller then goes the locked way).
    /// </summary>
    private async Task<bool> TryWriteInOneRoundTripAsync(NpgsqlConnection connection, List<PendingAppend> live)
    {
        if (known.Head is not { } head)
        {
            return false;
        }

        var group = new Group(head, known.Hash);
        foreach (var append in live)
        {
            if (known.TryGetRevision(append.Stream, out var revision))
            {
                if (revision is { } current)
                {
                    group.Revisions[append.Stream] = current;
                }
            }
            else if (append.Expected.Kind != ExpectedRevisionKind.NoStream)
            {
                // An unknown stream can only be assumed absent: its revision 0 is then unique if and only if it is.
                return false;
            }
        }

        var rows = DecideAll(live, group);
        if (rows.Count == 0)
        {
            return false;
        }

        long? moved;
        long newHead;
        byte[] newHash;
        string[]? changed;
        try
        {
            await using var write = new NpgsqlBatch(connection);
            write.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN;"));
            write.BatchCommands.Add(new NpgsqlBatchCommand(Asynchronously));
            var call = rows.ToFunctionCall(AppendFunction, head);
            call.Parameters.Add(Array(live.Select(a => a.Stream).Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType.Text));
            call.Parameters.Add(new NpgsqlParameter { Value = MaxMoved });
            write.BatchCommands.Add(call);
            write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT;"));
            AddDurableMark(write, notify: true);
            await using var reader = await write.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException("event_store_append returned no row.");
            }

            moved = await reader.IsDBNullAsync(0) ? null : reader.GetInt64(0);
            newHead = reader.GetInt64(1);
            newHash = await reader.GetFieldValueAsync<byte[]>(2);
            changed = await reader.IsDBNullAsync(3) ? null : await reader.GetFieldValueAsync<string[]>(3);

            // The group is acknowledged only once the mark's flush made it durable.
            if (!await reader.NextResultAsync())
            {
                throw new InvalidOperationException("Marking the group durable returned nothing.");
            }

            await ReadDurableMarkAsync(reader);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // An event id or a stream revision exists: decided again under the lock.
            await RollBackQuietlyAsync(connection);
            known.Forget();
            return false;
        }

        if (moved is not { } shift)
        {
            // Refused, nothing written: another node wrote a stream of the group (what the node knows of the others
            // holds at the head it found), or the log moved too far or backwards (nothing known is trusted).
            if (changed is null)
            {
                known.Forget();
            }
            else
            {
                known.Moved(newHead, newHash, changed);
            }

            return false;
        }

        if (changed is not null)
        {
            known.Forget(changed);
        }

        if (shift > 0)
        {
            foreach (var append in live)
            {
                if (append.Result is AppendResult.Appended { WasIdempotentReplay: false } appended)
                {
                    append.Result = appended with { FirstPosition = appended.FirstPosition + shift, LastPosition = appended.LastPosition + shift };
                }
            }

            CommitsMoved++;
        }

        if (newHead != group.Head + shift)
        {
            throw new InvalidOperationException($"The group's {rows.Count} rows were written up to {newHead}, not {group.Head + shift}.");
        }

        group.Head = newHead;
        group.Hash = newHash;
        Committed(group);
        CommitsInOneRoundTrip++;
        return true;
    }

    private EventRows DecideAll(List<PendingAppend> live, Group group)
    {
        var rows = new EventRows();
        foreach (var append in live)
        {
            append.Result = null;
            append.Error = null;
            try
            {
                append.Result = Decide(append, group, rows);
            }
            catch (IdempotencyViolationException e)
            {
                append.Error = e;
            }
        }

        return rows;
    }

    private void Committed(Group group)
    {
        foreach (var (stream, revision) in group.Revisions)
        {
            known.Learn(stream, revision);
        }

        known.Committed(group.Head, group.Hash);
    }

    private static async Task RollBackQuietlyAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK;", connection);
            await rollback.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the server rolls the transaction back when it notices.
        }
    }

    private static async Task<Group> LockAndLookUpAsync(NpgsqlConnection connection, List<PendingAppend> live)
    {
        var streams = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<Guid>();
        foreach (var append in live)
        {
            streams.Add(append.Stream);
            foreach (var e in append.Events)
            {
                ids.Add(e.EventId);
            }
        }

        // One round trip. The statements run in order, each with its own snapshot (READ COMMITTED): the look-ups
        // start after the lock is held, so they see every commit that preceded this one, from any node.
        await using var lookUp = new NpgsqlBatch(connection);
        lookUp.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN;"));
        lookUp.BatchCommands.Add(new NpgsqlBatchCommand(Asynchronously));
        lookUp.BatchCommands.Add(new NpgsqlBatchCommand(LockHead));
        lookUp.BatchCommands.Add(Command(ReadRevisions, Array(streams.ToArray(), NpgsqlDbType.Text)));
        lookUp.BatchCommands.Add(Command(FindIds, Array(ids.ToArray(), NpgsqlDbType.Uuid)));
        await using var reader = await lookUp.ExecuteReaderAsync();

        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("The event log head row is missing.");
        }

        var group = new Group(reader.GetInt64(0), await reader.GetFieldValueAsync<byte[]>(1));
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            group.Revisions[reader.GetString(0)] = reader.GetInt64(1);
        }

        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            group.Existing[reader.GetGuid(0)] = new StoredEvent(reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return group;
    }

    private AppendResult Decide(PendingAppend append, Group group, EventRows rows)
    {
        var stream = append.Stream;
        var events = append.Events;

        // An id already in the log (or written earlier in this group) makes this a retry: the original result, or a
        // programming error when the ids do not match a whole earlier append of this stream.
        foreach (var e in events)
        {
            if (group.Existing.ContainsKey(e.EventId))
            {
                return FindReplay(append, group);
            }
        }

        long? current = group.Revisions.TryGetValue(stream, out var known) ? known : null;
        if (!append.Expected.IsSatisfiedBy(current))
        {
            return new AppendResult.WrongExpectedRevision(stream, append.Expected, current);
        }

        var firstRevision = (current ?? -1) + 1;
        var firstPosition = group.Head + 1;
        var timestamp = EventHash.ToUnixMicroseconds(time.GetUtcNow());
        var previous = group.Hash;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var position = firstPosition + i;
            var revision = firstRevision + i;
            var data = Bytes(e.Data);
            var hash = EventHash.Compute(previous, position, stream, revision, e.Type, data, append.Metadata[i], timestamp);
            rows.Add(position, e.EventId, stream, revision, e.Type, data, append.Metadata[i], timestamp, hash);
            group.Existing[e.EventId] = new StoredEvent(stream, revision, position);
            previous = hash;
        }

        var lastRevision = firstRevision + events.Count - 1;
        group.Head = firstPosition + events.Count - 1;
        group.Hash = previous;
        group.Revisions[stream] = lastRevision;
        return new AppendResult.Appended(stream, firstRevision, lastRevision, firstPosition, group.Head, WasIdempotentReplay: false);
    }

    /// <summary>The original result when every id exists, in this stream, in this order and consecutively; otherwise a programming error.</summary>
    private static AppendResult.Appended FindReplay(PendingAppend append, Group group)
    {
        var events = append.Events;
        long firstRevision = 0, firstPosition = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (!group.Existing.TryGetValue(events[i].EventId, out var stored))
            {
                throw Partial(append);
            }

            if (!string.Equals(stored.Stream, append.Stream, StringComparison.Ordinal))
            {
                throw new IdempotencyViolationException(
                    append.Stream,
                    $"Event {events[i].EventId} already exists in stream '{stored.Stream}', not '{append.Stream}'.");
            }

            if (i == 0)
            {
                firstRevision = stored.Revision;
                firstPosition = stored.Position;
            }
            else if (stored.Revision != firstRevision + i || stored.Position != firstPosition + i)
            {
                throw Partial(append);
            }
        }

        return new AppendResult.Appended(
            append.Stream,
            firstRevision,
            firstRevision + events.Count - 1,
            firstPosition,
            firstPosition + events.Count - 1,
            WasIdempotentReplay: true);
    }

    private static IdempotencyViolationException Partial(PendingAppend append) =>
        new(append.Stream, $"Only some of the {append.Events.Count} event ids of this append to '{append.Stream}' already exist, or not in the same order: a retry must resend exactly the same events.");

    private static byte[] Bytes(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

    private static NpgsqlParameter Array<T>(T[] values, NpgsqlDbType elementType) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | elementType };

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
