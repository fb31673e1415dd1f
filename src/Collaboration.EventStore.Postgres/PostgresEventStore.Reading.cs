using System.Runtime.CompilerServices;
using Npgsql;

namespace Collaboration.EventStore.Postgres;

// Reading: each page is one short query on a pooled connection, so no read transaction outlives a page. A commit is
// visible all at once, and commits are serialised on the head row (each one starts after the previous one is
// visible), so a reader can never see a later position before an earlier one: $all pages are dense by construction,
// and a gap is damage to report. Every read stops at the durable mark (ADR 0025, amendment for two nodes): groups
// commit asynchronously, and a row beyond the mark may still be taken back by a crash of the database, so no reader,
// subscription or head probe may see it. Everything up to the mark is both durable and visible.
public sealed partial class PostgresEventStore
{
    private const string Columns = "position, event_id, stream, revision, type, data, metadata, timestamp_us, hash";
    private const int VerifyPageSize = 16_384;

    // Evaluated once per query (a scalar subquery over a few rows, one per writer).
    private const string Durable = "(SELECT max(position) FROM event_log_durable)";
    private const string DurableMark = "SELECT coalesce(max(position), 0) AS mark FROM event_log_durable";

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(
        string stream,
        ReadDirection direction = ReadDirection.Forwards,
        long? fromRevision = null,
        int maxCount = int.MaxValue,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var forwards = direction == ReadDirection.Forwards;
        var next = fromRevision ?? (forwards ? 0 : long.MaxValue);
        var remaining = maxCount;
        while (remaining > 0)
        {
            ct.ThrowIfCancellationRequested();
            var size = Math.Min(remaining, options.ReadPageSize);
            var page = await ReadStreamPageAsync(stream, forwards, next, size, ct);
            foreach (var e in page)
            {
                yield return e;
            }

            if (page.Count < size)
            {
                yield break;
            }

            remaining -= page.Count;
            next = forwards ? page[^1].Revision + 1 : page[^1].Revision - 1;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadStreamStartsAsync(string streamPrefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamPrefix);
        var upper = streamPrefix[..^1] + (char)(streamPrefix[^1] + 1);
        var after = "";
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var page = (await QueryAsync(
                $"SELECT {Columns} FROM events WHERE stream > $1 AND stream >= $2 AND stream < $3 AND revision = 0 AND position <= {Durable} ORDER BY stream LIMIT $4;",
                [after, streamPrefix, upper, options.ReadPageSize],
                firstPosition: null,
                ct)).Rows;
            foreach (var e in page)
            {
                yield return e;
            }

            if (page.Count < options.ReadPageSize)
            {
                yield break;
            }

            after = page[^1].Stream;
        }
    }

    /// <inheritdoc />
    public Task<long?> ReadStreamRevisionAsync(string stream, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        return PostgresFaults.GuardAsync(async () =>
        {
            await using var command = dataSource.CreateCommand($"SELECT max(revision) FROM events WHERE stream = $1 AND position <= {Durable};");
            command.Parameters.Add(new NpgsqlParameter { Value = stream });
            return await command.ExecuteScalarAsync(ct) is long revision ? (long?)revision : null;
        });
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        long fromPosition = 1,
        int maxCount = int.MaxValue,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0)
        {
            yield break;
        }

        // The next page is fetched while the caller works through this one (ADR 0025): a long read costs the slower
        // of the server and the caller rather than both. $all is dense, so the next page's first position is known.
        // The first page also returns the durable mark it was bounded by, and the read ends there: later pages are
        // bounded by that mark as a plain constant, not by the marks' table read again per page (ADR 0025, amendment
        // of 2026-12-05: the read's cost no longer depends on that table), and a read stays one consistent range.
        var next = Math.Max(1, fromPosition);
        var remaining = maxCount;
        var size = Math.Min(remaining, options.ReadPageSize);
        long? bound = null;
        Task<Page>? fetching = ReadAllPageAsync(next, size, bound, ct);
        try
        {
            while (fetching is not null)
            {
                var page = await fetching;
                fetching = null;
                bound ??= page.Mark;
                remaining -= page.Rows.Count;
                if (page.Rows.Count == size && remaining > 0 && page.Rows[^1].Position < bound)
                {
                    next = page.Rows[^1].Position + 1;
                    size = Math.Min(remaining, options.ReadPageSize);
                    fetching = ReadAllPageAsync(next, size, bound, ct);
                }

                foreach (var e in page.Rows)
                {
                    yield return e;
                }
            }
        }
        finally
        {
            // A caller that stops early leaves a page in flight: it is awaited so that its connection is returned and
            // its failure, if any, is not left unobserved (nobody wants its rows any more).
            if (fetching is not null)
            {
                await SettleAsync(fetching);
            }
        }
    }

    private static async Task SettleAsync(Task fetching)
    {
        try
        {
            await fetching;
        }
#pragma warning disable CA1031 // The page is abandoned: its outcome no longer matters to anyone.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <inheritdoc />
    public async Task<long> ReadHeadPositionAsync(CancellationToken ct = default) => (await ReadHeadAsync(dataSource, ct)).Position;

    /// <inheritdoc />
    public Task<ChainHead> ReadChainHeadAsync(CancellationToken ct = default) => ReadHeadAsync(dataSource, ct);

    /// <inheritdoc />
    public Task<ChainVerification> VerifyAsync(long fromPosition = 1, long? toPosition = null, CancellationToken ct = default) =>
        VerifyAsync(fromPosition, toPosition, progress: null, ct);

    /// <inheritdoc />
    public async Task<ChainVerification> VerifyAsync(long fromPosition, long? toPosition, IProgress<long>? progress, CancellationToken ct = default)
    {
        var from = Math.Max(1, fromPosition);
        byte[] previous;
        if (from == 1)
        {
            previous = EventHash.Genesis.ToArray();
        }
        else
        {
            await using var anchor = dataSource.CreateCommand($"SELECT hash FROM events WHERE position = $1 AND position <= {Durable};");
            anchor.Parameters.Add(new NpgsqlParameter { Value = from - 1 });
            if (await anchor.ExecuteScalarAsync(ct) is not byte[] anchorHash)
            {
                return new ChainVerification(false, from, from - 1, from - 1, $"Position {from - 1} is missing.", ReadOnlyMemory<byte>.Empty);
            }

            previous = anchorHash;
        }

        var last = toPosition ?? long.MaxValue;
        var expected = from;
        var computed = new byte[EventHash.Size];
        while (true)
        {
            var rows = 0;
            // An exact range per page, as $all's pages (see ReadAllPageAsync): an open range with a LIMIT may be planned
            // as a scan and sort of everything after it. A page that comes back short is looked at below.
            await using (var command = dataSource.CreateCommand(
                $"SELECT {Columns} FROM events WHERE position >= $1 AND position <= $2 AND position <= {Durable} ORDER BY position;"))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = expected });
                command.Parameters.Add(new NpgsqlParameter { Value = Math.Min(last, expected + VerifyPageSize - 1) });
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    rows++;
                    var position = reader.GetInt64(0);
                    if (position != expected)
                    {
                        return Bad(expected, $"Position {expected} is missing (next stored is {position}).");
                    }

                    var stored = await reader.GetFieldValueAsync<byte[]>(8, ct);
                    var data = await reader.GetFieldValueAsync<byte[]>(5, ct);
                    var metadata = await reader.GetFieldValueAsync<byte[]>(6, ct);
                    EventHash.Compute(
                        previous,
                        position,
                        reader.GetString(2),
                        reader.GetInt64(3),
                        reader.GetString(4),
                        data,
                        metadata,
                        reader.GetInt64(7),
                        computed);
                    if (!computed.AsSpan().SequenceEqual(stored))
                    {
                        return Bad(position, $"The hash stored at position {position} does not match its contents and link.");
                    }

                    previous = stored;
                    expected++;
                }
            }

            progress?.Report(expected - 1);
            if (rows < VerifyPageSize && expected <= last)
            {
                // Short of the page: the end of the durable log, or positions missing up to its mark.
                await using var end = dataSource.CreateCommand($"SELECT {Durable};");
                if (await end.ExecuteScalarAsync(ct) is long mark && expected <= Math.Min(last, mark))
                {
                    return Bad(expected, $"Position {expected} is missing (the durable log goes on to {mark}).");
                }
            }

            if (rows < VerifyPageSize || expected > last)
            {
                return new ChainVerification(true, from, expected - 1, null, null, previous);
            }
        }

        ChainVerification Bad(long position, string reason) => new(false, from, position, position, reason, previous);
    }

    private static Task<ChainHead> ReadHeadAsync(NpgsqlDataSource dataSource, CancellationToken ct) =>
        PostgresFaults.GuardAsync(() => ReadHeadCoreAsync(dataSource, ct));

    private static async Task<ChainHead> ReadHeadCoreAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        // The hash at the durable mark, not the counter's: an audit anchor must not record a head a crash could take back.
        await using var command = dataSource.CreateCommand(
            $"SELECT d.position, e.hash FROM (SELECT {Durable} AS position) d LEFT JOIN events e ON e.position = d.position;");
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || await reader.IsDBNullAsync(0, ct))
        {
            throw new InvalidOperationException("The event log's durable mark is missing.");
        }

        var position = reader.GetInt64(0);
        if (position == 0)
        {
            return new ChainHead(0, EventHash.Genesis.ToArray());
        }

        return await reader.IsDBNullAsync(1, ct)
            ? throw new InvalidOperationException($"Position {position}, the log's durable mark, is missing.")
            : new ChainHead(position, await reader.GetFieldValueAsync<byte[]>(1, ct));
    }

    /// <summary>
    /// One page of $all. Without a <paramref name="bound"/> the page stops at the durable mark and returns it (the
    /// same snapshot evaluates both, so the mark is exactly the bound the rows were read under); with one, the page
    /// stops at that earlier mark and the marks' table is not read at all.
    /// </summary>
    /// <remarks>
    /// Every page asks for an exact range of positions, never "from here on, the first N": $all is dense, so the range
    /// holds exactly the page, and whatever plan PostgreSQL picks touches only those rows. An open range with a LIMIT
    /// leaves that to the statistics: on a table not yet analysed (a new or freshly migrated log, minutes of heavy
    /// appends) the planner chose a bitmap scan of every row to the mark and a sort on disk, per page, so one read of
    /// the log cost its length squared (ADR 0025, amendment of 2026-12-05, evening). A range that comes back short was
    /// not the end of the log but a gap, unless the mark ends it.
    /// </remarks>
    private Task<Page> ReadAllPageAsync(long fromPosition, int count, long? bound, CancellationToken ct)
    {
        var last = fromPosition + count - 1;
        return bound is { } mark
            ? QueryAsync(AllPageSql, [fromPosition, Math.Min(last, mark)], firstPosition: fromPosition, ct, lastPosition: Math.Min(last, mark))
            : QueryAsync(AllFirstPageSql, [fromPosition, last], firstPosition: fromPosition, ct, lastPosition: last);
    }

    /// <summary>A page of $all under a mark already read: exactly the positions from $1 to $2.</summary>
    internal const string AllPageSql = $"SELECT {Columns} FROM events WHERE position >= $1 AND position <= $2 ORDER BY position;";

    /// <summary>
    /// A read's first page: the positions from $1 to $2 or the durable mark, whichever is lower, each row with the mark.
    /// The mark comes in a row of its own (event columns null) when no event is in that range, so that an empty page
    /// still says whether the log ends there or has a gap.
    /// </summary>
    internal const string AllFirstPageSql = $"""
        SELECT e.position, e.event_id, e.stream, e.revision, e.type, e.data, e.metadata, e.timestamp_us, e.hash, d.mark
        FROM ({DurableMark}) d LEFT JOIN events e ON e.position >= $1 AND e.position <= $2 AND e.position <= d.mark
        ORDER BY e.position;
        """;

    private async Task<List<RecordedEvent>> ReadStreamPageAsync(string stream, bool forwards, long fromRevision, int count, CancellationToken ct)
    {
        var (compare, order) = forwards ? (">=", "") : ("<=", " DESC");
        var page = (await QueryAsync(
            $"SELECT {Columns} FROM events WHERE stream = $1 AND revision {compare} $2 AND position <= {Durable} ORDER BY revision{order} LIMIT $3;",
            [stream, fromRevision, count],
            firstPosition: null,
            ct)).Rows;

        // Streams are dense from revision 0 (the writer decides revisions under the head lock, and (stream, revision)
        // is unique): a hole is damage to report, not something to step over.
        var expected = forwards ? fromRevision : page.Count > 0 ? page[0].Revision : 0;
        foreach (var e in page)
        {
            if (e.Revision != expected)
            {
                throw new InvalidOperationException(
                    $"Stream '{stream}' has a gap: expected revision {expected} but read {e.Revision} (position {e.Position}).");
            }

            expected += forwards ? 1 : -1;
        }

        return page;
    }

    /// <summary>
    /// Runs one query of event rows. With <paramref name="firstPosition"/>, the rows must be exactly the positions from
    /// there on. A tenth column, if the query has one, is the durable mark it was bounded by (the same on every row).
    /// </summary>
    /// <remarks>
    /// With <paramref name="lastPosition"/> too, the rows must run exactly to there, or to the mark if the query read
    /// one below it: a page that stops short has a gap at its end.
    /// </remarks>
    private Task<Page> QueryAsync(string sql, object[] parameters, long? firstPosition, CancellationToken ct, long? lastPosition = null) =>
        PostgresFaults.GuardAsync(() => QueryCoreAsync(sql, parameters, firstPosition, lastPosition, ct));

    private async Task<Page> QueryCoreAsync(string sql, object[] parameters, long? firstPosition, long? lastPosition, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var page = new List<RecordedEvent>();
        long? mark = null;
        var expected = firstPosition ?? 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
#pragma warning disable VSTHRD103 // The row is buffered (see ReadRow): nothing blocks.
                if (mark is null && reader.FieldCount > 9)
                {
                    mark = reader.GetInt64(9);
                }

                if (reader.IsDBNull(0))
                {
                    // The first page's row that only carries the mark: no event in the range.
                    continue;
                }
#pragma warning restore VSTHRD103

                var row = ReadRow(reader);

                if (firstPosition is not null)
                {
                    // $all must be dense: a missing position means damage, never something to skip over.
                    if (row.Position != expected)
                    {
                        throw new LogGapException(expected, row.Position);
                    }

                    expected++;
                }

                page.Add(row);
            }
        }

        var end = mark is { } m && lastPosition is { } l ? Math.Min(m, l) : lastPosition;
        if (firstPosition is not null && expected <= end)
        {
            throw new LogGapException(expected, await NextStoredPositionAsync(expected, ct));
        }

        return new Page(page, mark);
    }

    /// <summary>For a gap's report only: the first position stored after the missing one (0 if none).</summary>
    private async Task<long> NextStoredPositionAsync(long missing, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(min(position), 0) FROM events WHERE position > $1;");
        command.Parameters.Add(new NpgsqlParameter { Value = missing });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>A page of rows, and the durable mark that bounded it when the query read the mark (a first page of $all always does; null otherwise).</summary>
    private readonly record struct Page(List<RecordedEvent> Rows, long? Mark);

    /// <summary>
    /// One event from the reader's current row. The reader is not sequential, so <c>ReadAsync</c> has buffered the
    /// whole row and these reads do no I/O (an awaited read per column would allocate a task each). Optimised from its
    /// first call rather than tiered up: every read of the log and every subscriber's catch-up goes through here, and
    /// the first pass over a long log would otherwise run on unoptimised code while the tiering catches up.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RecordedEvent ReadRow(NpgsqlDataReader reader) =>
        new(
            eventId: reader.GetGuid(1),
            stream: reader.GetString(2),
            revision: reader.GetInt64(3),
            position: reader.GetInt64(0),
            type: reader.GetString(4),
            timestamp: EventHash.FromUnixMicroseconds(reader.GetInt64(7)),
#pragma warning disable VSTHRD103 // The row is buffered (see above): nothing blocks.
            data: reader.GetFieldValue<byte[]>(5),
            metadataJson: reader.GetFieldValue<byte[]>(6),
            hash: reader.GetFieldValue<byte[]>(8));
#pragma warning restore VSTHRD103
}
