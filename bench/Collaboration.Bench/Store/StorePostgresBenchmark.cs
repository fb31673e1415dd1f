using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Collaboration.EventStore;
using Collaboration.EventStore.Postgres;
using Npgsql;

namespace Collaboration.Bench.Store;

/// <summary>
/// Append throughput of the PostgreSQL store, each figure also as a ratio to the raw PostgreSQL ceiling measured in
/// the same run: plain INSERTs of the same rows into the same schema, 1,000 rows per transaction, durable commits
/// (synchronous_commit on), no hashing, no checks, no counter row. The server is given by --connection, or by
/// COLLAB_BENCH_POSTGRES or COLLAB_TEST_POSTGRES (deploy/postgres-local.sh starts one); the run creates two fresh
/// databases on it and drops them afterwards unless --keep. Each round ends with a read of the log's first 100,000
/// events through $all with every event deserialised, against a plain query of the same rows as that read's ceiling.
/// A warm-up round runs every scenario and read once before the measured rounds and is not counted: the first round
/// otherwise paid for JIT tiering, cold connection pools and PostgreSQL's buffer cache.
/// </summary>
internal static class StorePostgresBenchmark
{
    private const string EventType = "commitment.progress-reported.v1";
    private const int Streams = 64;

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var server = args.Connection
            ?? Environment.GetEnvironmentVariable("COLLAB_BENCH_POSTGRES")
            ?? Environment.GetEnvironmentVariable("COLLAB_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            await Console.Error.WriteLineAsync("store-postgres needs a server: --connection \"Host=...;Username=...;Password=...\" (or COLLAB_BENCH_POSTGRES); deploy/postgres-local.sh starts one.");
            return 2;
        }

        // PostgreSQL commits are far slower than SQLite's on the same disk: a twentieth of --events per scenario.
        var perScenario = Math.Max(args.Events / 20, 5_000);
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var storeDatabase = $"collab_bench_{stamp}_store";
        var rawDatabase = $"collab_bench_{stamp}_raw";
        var serializer = new EventSerializer(new EventTypeRegistry().Register(EventType, BenchJsonContext.Event));
        var sample = serializer.Serialize(NewEvent()).Data;
        Console.WriteLine($"store-postgres benchmark: {perScenario:N0} events per scenario, {args.Rounds} rounds, {Environment.ProcessorCount} cores, databases {storeDatabase} and {rawDatabase}");

        await CreateDatabaseAsync(server, storeDatabase);
        await CreateDatabaseAsync(server, rawDatabase);
        try
        {
            var storeOptions = new PostgresEventStoreOptions { ConnectionString = WithDatabase(server, storeDatabase) };
            var rawOptions = new PostgresEventStoreOptions { ConnectionString = WithDatabase(server, rawDatabase) };

            // Same schema as the store: create it through the store, then bypass the store entirely.
            await (await PostgresEventStore.OpenAsync(rawOptions, TimeProvider.System)).DisposeAsync();
            await using var raw = NpgsqlDataSource.Create(rawOptions.ConnectionString);
            await using var store = await PostgresEventStore.OpenAsync(storeOptions, TimeProvider.System);
            await using var secondNode = await PostgresEventStore.OpenAsync(storeOptions, TimeProvider.System);
            var synchronousCommit = await ShowAsync(raw, "synchronous_commit");
            var fsync = await ShowAsync(raw, "fsync");

            // Rounds interleave the ceiling with the store scenarios so that a noisy neighbour affects both sides of
            // each ratio alike; the median round of each scenario is reported.
            var rounds = new List<List<BenchRow>>();
            var reads = new List<(BenchRow Store, BenchRow Raw, BenchRow Undeserialised)>();
            long rawPosition = 0;
            for (var round = 0; round <= args.Rounds; round++)
            {
                Console.WriteLine(round == 0 ? "warm-up round (not counted)" : $"round {round} of {args.Rounds}");
                var statements = await RawCeilingAsync(raw, rawPosition, perScenario, sample, 1_000, unnest: false);
                rawPosition += perScenario;
                var unnest = await RawCeilingAsync(raw, rawPosition, perScenario, sample, 1_000, unnest: true);
                rawPosition += perScenario;
                var groupShape = await RawCeilingAsync(raw, rawPosition, perScenario, sample, 64, unnest: true);
                rawPosition += perScenario;
                List<BenchRow> scenarios =
                [
                    Rate(statements) >= Rate(unnest) ? statements : unnest,
                    groupShape,
                    await SingleWriterAsync(store, serializer, Math.Clamp(perScenario / 20, 250, 2_000)),
                    await ConcurrentWritersAsync([store], serializer, 64, perScenario),
                    await ConcurrentWritersAsync([store, secondNode], serializer, 64, perScenario),
                ];

                // The first 100,000 events of the log (fewer in the first round of a short run), best of three passes
                // each: the store's $all read with deserialisation, the same rows read plainly, and the store's read alone.
                var head = Math.Min(await store.ReadHeadPositionAsync(), 100_000);
                var passes = new List<BenchRow>();
                var read = (
                    await BestOfThreeAsync(() => ReadAllAsync(store, serializer, head), passes),
                    await BestOfThreeAsync(() => RawReadAsync(storeOptions.ConnectionString, head)),
                    await BestOfThreeAsync(() => ReadAllAsync(store, null, head)));
                if (round > 0)
                {
                    rounds.Add(scenarios);
                    reads.Add(read);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  read $all + deserialise, passes of {(round == 0 ? "the warm-up round" : $"round {round}")}: {string.Join(" / ", passes.Select(p => Rate(p).ToString("N0", CultureInfo.InvariantCulture)))} events/s"));
            }

            var chain = await store.VerifyAsync();
            if (!chain.IsValid)
            {
                throw new InvalidOperationException($"The benchmark's log does not verify: {chain.Reason}");
            }

            PrintTable(rounds, reads, args, perScenario, synchronousCommit, fsync);
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (!args.Keep)
            {
                await DropDatabaseAsync(server, storeDatabase);
                await DropDatabaseAsync(server, rawDatabase);
            }
        }
    }

    private static double Rate(BenchRow row) => row.Events / row.Elapsed.TotalSeconds;

    private static CommitmentProgressReported NewEvent() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 40, "人才公寓已落实 / talent apartment arranged for two foreign experts", new DateOnly(2024, 3, 18));

    private static EventToAppend ToAppend(EventSerializer serializer) =>
        serializer.ToEventToAppend(NewEvent(), new EventMetadata("partner-sicc", "partner", "Shanghai International Chamber of Commerce"));

    /// <summary>
    /// As fast as PostgreSQL itself takes the same rows over the same client: either one INSERT per row, all of a
    /// transaction's INSERTs pipelined in one batch, or one INSERT of all rows through unnest (as the store does). The
    /// faster of the 1,000-row ways is the ceiling; 64 rows per transaction is the shape of one full group commit of
    /// the 64 writers, for comparison.
    /// </summary>
    private static async Task<BenchRow> RawCeilingAsync(NpgsqlDataSource raw, long lastPosition, long count, byte[] data, int rowsPerTransaction, bool unnest)
    {
        var metadata = "{}"u8.ToArray();
        var hash = RandomNumberGenerator.GetBytes(32);
        var streams = Enumerable.Range(0, Streams).Select(_ => $"raw-{Guid.NewGuid():N}").ToArray();
        var way = unnest ? "one INSERT … unnest per transaction" : "one INSERT per row, pipelined";
        await using var connection = await raw.OpenConnectionAsync();
        using var counter = new LiveCounter($"raw PostgreSQL, {rowsPerTransaction:N0} rows/tx, {way}", count);
        var end = lastPosition + count;
        for (var first = lastPosition + 1; first <= end; first += rowsPerTransaction)
        {
            var rows = (int)Math.Min(rowsPerTransaction, end - first + 1);
            await using var transaction = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, transaction);
            if (unnest)
            {
                var command = new NpgsqlBatchCommand(
                    "INSERT INTO events (position, event_id, stream, revision, type, data, metadata, timestamp_us, hash) " +
                    "SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::bytea[], $7::bytea[], $8::bigint[], $9::bytea[]);");
                var positions = Enumerable.Range(0, rows).Select(i => first + i).ToArray();
                command.Parameters.Add(new NpgsqlParameter { Value = positions });
                command.Parameters.Add(new NpgsqlParameter { Value = positions.Select(_ => Guid.CreateVersion7()).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = positions.Select(p => streams[p % Streams]).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = positions.Select(p => p / Streams).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = positions.Select(_ => EventType).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = positions.Select(_ => data).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = positions.Select(_ => metadata).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = positions.Select(p => 1_710_000_000_000_000L + p).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = positions.Select(_ => hash).ToArray() });
                batch.BatchCommands.Add(command);
            }
            else
            {
                for (var position = first; position < first + rows; position++)
                {
                    var command = new NpgsqlBatchCommand("INSERT INTO events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);");
                    command.Parameters.Add(new NpgsqlParameter { Value = position });
                    command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
                    command.Parameters.Add(new NpgsqlParameter { Value = streams[position % Streams] });
                    command.Parameters.Add(new NpgsqlParameter { Value = position / Streams });
                    command.Parameters.Add(new NpgsqlParameter { Value = EventType });
                    command.Parameters.Add(new NpgsqlParameter { Value = data });
                    command.Parameters.Add(new NpgsqlParameter { Value = metadata });
                    command.Parameters.Add(new NpgsqlParameter { Value = 1_710_000_000_000_000L + position });
                    command.Parameters.Add(new NpgsqlParameter { Value = hash });
                    batch.BatchCommands.Add(command);
                }
            }

            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            counter.Add(rows);
        }

        return rowsPerTransaction == 1_000
            ? new BenchRow($"Raw PostgreSQL ceiling (plain INSERTs, 1,000 rows/tx, {Streams} streams, {way})", count, counter.Elapsed)
            : new BenchRow($"Raw PostgreSQL, {rowsPerTransaction} rows/tx, {way} (one full group commit's shape, for comparison)", count, counter.Elapsed);
    }

    private static async Task<BenchRow> BestOfThreeAsync(Func<Task<BenchRow>> read, List<BenchRow>? passes = null)
    {
        var best = await read();
        passes?.Add(best);
        for (var pass = 2; pass <= 3; pass++)
        {
            var row = await read();
            passes?.Add(row);
            best = row.Elapsed < best.Elapsed ? row : best;
        }

        return best;
    }

    /// <summary>Every event of the log through the store's $all read, each one deserialised to its record.</summary>
    private static async Task<BenchRow> ReadAllAsync(IEventStore store, EventSerializer? serializer, long count)
    {
        long read = 0, checksum = 0;
        using var counter = new LiveCounter(serializer is null ? "read $all" : "read $all + deserialise", count);
        await foreach (var e in store.ReadAllAsync(1, (int)count))
        {
            if (serializer is null)
            {
                checksum += e.Data.Length;
            }
            else if (serializer.Deserialize(e) is CommitmentProgressReported reported)
            {
                checksum += reported.PercentComplete;
            }

            if (++read % 4_096 == 0)
            {
                counter.Add(4_096);
            }
        }

        counter.Add(read % 4_096);
        if (read != count || checksum == 0)
        {
            throw new InvalidOperationException($"Read {read:N0} of {count:N0} events, checksum {checksum}.");
        }

        return serializer is null
            ? new BenchRow("Read $all without deserialising (store)", read, counter.Elapsed)
            : new BenchRow("Read $all + deserialise (store, source-generated JSON)", read, counter.Elapsed);
    }

    /// <summary>The read's ceiling: the same rows and columns in position order over one plain query, nothing built from them.</summary>
    private static async Task<BenchRow> RawReadAsync(string connectionString, long count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT position, event_id, stream, revision, type, data, metadata, timestamp_us, hash FROM events WHERE position <= $1 ORDER BY position;",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        long read = 0, bytes = 0;
        using var counter = new LiveCounter("raw read of the same rows", count);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                _ = reader.GetInt64(0);
                _ = reader.GetGuid(1);
                bytes += reader.GetString(2).Length + reader.GetString(4).Length;
                _ = reader.GetInt64(3);
                bytes += (await reader.GetFieldValueAsync<byte[]>(5)).Length + (await reader.GetFieldValueAsync<byte[]>(6)).Length;
                bytes += (await reader.GetFieldValueAsync<byte[]>(8)).Length;
                _ = reader.GetInt64(7);
                read++;
            }
        }

        counter.Add(read);
        if (read != count || bytes == 0)
        {
            throw new InvalidOperationException($"Read {read:N0} of {count:N0} rows.");
        }

        return new BenchRow("Raw read of the same rows (one query, columns fetched, nothing built), the read's ceiling", read, counter.Elapsed);
    }

    private static async Task<BenchRow> SingleWriterAsync(IEventStore store, EventSerializer serializer, long count)
    {
        var stream = $"commitment-{Guid.NewGuid():N}";
        using var counter = new LiveCounter("1 writer, single events", count);
        for (long i = 0; i < count; i++)
        {
            var expected = i == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly(i - 1);
            Ensure(await store.AppendAsync(stream, expected, [ToAppend(serializer)]));
            counter.Add(1);
        }

        return new BenchRow("1 writer, single-event appends", count, counter.Elapsed);
    }

    /// <summary>The writers spread evenly over <paramref name="nodes"/> (store instances on the same database, as app nodes would be).</summary>
    private static async Task<BenchRow> ConcurrentWritersAsync(PostgresEventStore[] nodes, EventSerializer serializer, int writers, long count)
    {
        var perWriter = count / writers;
        var before = nodes.Select(n => n.Statistics).ToArray();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var label = nodes.Length == 1 ? $"{writers} writers, single events" : $"{writers} writers on {nodes.Length} nodes, single events";
        using var counter = new LiveCounter(label, perWriter * writers);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var store = nodes[w % nodes.Length];
            var stream = $"partner-{Guid.NewGuid():N}";
            for (long i = 0; i < perWriter; i++)
            {
                var expected = i == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly(i - 1);
                Ensure(await store.AppendAsync(stream, expected, [ToAppend(serializer)]));
                counter.Add(1);
            }
        })));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var commits = nodes.Select((n, i) => n.Statistics.Commits - before[i].Commits).Sum();
        var appends = nodes.Select((n, i) => n.Statistics.Appends - before[i].Appends).Sum();
        var alone = nodes.Select((n, i) => n.Statistics.CommitsInOneRoundTrip - before[i].CommitsInOneRoundTrip).Sum();
        var name = nodes.Length == 1
            ? $"{writers} concurrent writers, single-event appends (group commit)"
            : $"{writers} concurrent writers over {nodes.Length} store instances on one database (two nodes)";
        return new BenchRow(
            name,
            perWriter * writers,
            counter.Elapsed,
            string.Create(CultureInfo.InvariantCulture, $"{(double)appends / Math.Max(1, commits):F1} appends per commit, {(double)alone / Math.Max(1, commits):P0} in one round trip; client process CPU {cpu.TotalMicroseconds / (perWriter * writers):F1} µs per event"));
    }

    private static void Ensure(AppendResult result)
    {
        if (result is not AppendResult.Appended)
        {
            throw new InvalidOperationException($"Unexpected append result: {result}");
        }
    }

    private static void PrintTable(List<List<BenchRow>> rounds, List<(BenchRow Store, BenchRow Raw, BenchRow Undeserialised)> reads, BenchArguments args, long perScenario, string synchronousCommit, string fsync)
    {
        var scenarios = rounds[0].Count;
        var median = rounds.Count / 2;
        var rows = new List<(BenchRow Row, double Ratio)>();
        for (var i = 0; i < scenarios; i++)
        {
            var ordered = rounds.OrderBy(r => Rate(r[i]) / Rate(r[0])).ToList();
            rows.Add((ordered[median][i], Rate(ordered[median][i]) / Rate(ordered[median][0])));
        }

        Console.WriteLine();
        var options = (args.Events != 1_000_000 ? $" --events {args.Events}" : "") + (args.Rounds != 3 ? $" --rounds {args.Rounds}" : "");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/Collaboration.Bench -- store-postgres{options}` ({perScenario:N0} events per scenario, {args.Rounds} rounds, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version})"));
        Console.WriteLine($"Server settings: synchronous_commit = {synchronousCommit}, fsync = {fsync}");
        Console.WriteLine("One warm-up round (every scenario and read once) ran before the measured rounds and is not counted.");
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        Console.WriteLine($"Load average at the end (1/5/15 min, from /proc/loadavg): {load}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Raw ceiling per round (events/s): {string.Join(", ", rounds.Select(r => Rate(r[0]).ToString("N0", CultureInfo.InvariantCulture)))}"));
        for (var i = 1; i < scenarios; i++)
        {
            var perRound = rounds.Select(r => string.Create(CultureInfo.InvariantCulture, $"{Rate(r[i]):N0} ({Rate(r[i]) / Rate(r[0]):F2})"));
            Console.WriteLine($"{rounds[0][i].Name}, per round: {string.Join(", ", perRound)}");
        }

        Console.WriteLine();
        Console.WriteLine("| Scenario | Events | Seconds | Events/s | Ratio to raw ceiling | Notes |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var (row, ratio) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Events:N0} | {row.Elapsed.TotalSeconds:F2} | {Rate(row):N0} | {ratio:F2} | {row.Notes} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"64 writers (one node) to the raw ceiling: {rows[3].Ratio:F2}; to 64 rows/tx raw: {Rate(rows[3].Row) / Rate(rows[1].Row):F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"64 writers (two nodes) to the raw ceiling: {rows[4].Ratio:F2}; to one node: {Rate(rows[4].Row) / Rate(rows[3].Row):F2}"));
        var perRoundReads = reads.Select(r => string.Create(CultureInfo.InvariantCulture, $"{Rate(r.Store):N0} ({Rate(r.Store) / Rate(r.Raw):F2})"));
        Console.WriteLine($"Read $all + deserialise, events/s (ratio to a plain read of the same rows), per round: {string.Join(", ", perRoundReads)}");
        var medianRead = reads.OrderBy(r => Rate(r.Store)).ElementAt(reads.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {medianRead.Raw.Name} | {medianRead.Raw.Events:N0} | {medianRead.Raw.Elapsed.TotalSeconds:F2} | {Rate(medianRead.Raw):N0} | 1.00 |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {medianRead.Undeserialised.Name} | {medianRead.Undeserialised.Events:N0} | {medianRead.Undeserialised.Elapsed.TotalSeconds:F2} | {Rate(medianRead.Undeserialised):N0} | {Rate(medianRead.Undeserialised) / Rate(medianRead.Raw):F2} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {medianRead.Store.Name} | {medianRead.Store.Events:N0} | {medianRead.Store.Elapsed.TotalSeconds:F2} | {Rate(medianRead.Store):N0} | {Rate(medianRead.Store) / Rate(medianRead.Raw):F2} |"));
    }

    private static async Task<string> ShowAsync(NpgsqlDataSource dataSource, string setting)
    {
        await using var command = dataSource.CreateCommand($"SHOW {setting};");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static string WithDatabase(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();

    private static async Task CreateDatabaseAsync(string server, string database)
    {
        await using var admin = new NpgsqlConnection(WithDatabase(server, "postgres"));
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {database};", admin);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task DropDatabaseAsync(string server, string database)
    {
        await using var admin = new NpgsqlConnection(WithDatabase(server, "postgres"));
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE);", admin);
        await command.ExecuteNonQueryAsync();
    }
}
