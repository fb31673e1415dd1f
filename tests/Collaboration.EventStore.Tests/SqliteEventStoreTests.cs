using System.Text;
using Collaboration.EventStore.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.EventStore.Tests;

/// <summary>What the SQLite store offers beyond the contract: same-database connections, commit notifications, schema.</summary>
public sealed class SqliteEventStoreTests : IAsyncLifetime
{
    private readonly SqliteStoreFixture fixture = new();
    private SqliteEventStore store = null!;

    public async Task InitializeAsync() => store = await SqliteEventStore.OpenAsync(fixture.Options, new FakeTimeProvider());

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        await fixture.DisposeAsync();
    }

    internal static EventToAppend NewEvent() =>
        new(Guid.NewGuid(), "test.something-happened.v1", Encoding.UTF8.GetBytes("{}"), EventMetadata.Empty);

    [Fact]
    public async Task committed_is_raised_with_the_new_head_after_each_commit()
    {
        var heads = new List<long>();
        store.Committed += heads.Add;

        await store.AppendAsync("s-1", ExpectedRevision.NoStream, [NewEvent(), NewEvent()]);
        await store.AppendAsync("s-2", ExpectedRevision.NoStream, [NewEvent()]);

        heads.Should().Equal(2, 3);
        store.CommittedPosition.Should().Be(3);
    }

    [Fact]
    public async Task waiting_for_a_position_completes_once_it_is_committed()
    {
        var waiting = store.WaitForPositionAsync(2);
        await store.AppendAsync("s-1", ExpectedRevision.NoStream, [NewEvent()]);
        await Task.Delay(20);
        waiting.IsCompleted.Should().BeFalse("position 2 is not committed yet");

        await store.AppendAsync("s-1", ExpectedRevision.Exactly(0), [NewEvent()]);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task a_projection_connection_sees_the_events_and_commits_its_own_tables_in_the_same_file()
    {
        await store.AppendAsync("s-1", ExpectedRevision.NoStream, [NewEvent(), NewEvent()]);

        await using (var connection = await store.OpenConnectionAsync())
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText =
                """
                CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
                INSERT INTO checkpoints SELECT 'counter', MAX(position) FROM events;
                """;
            await command.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }

        await store.AppendAsync("s-1", ExpectedRevision.Exactly(1), [NewEvent()]);
        await using var check = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        await check.OpenAsync();
        await using var read = check.CreateCommand();
        read.CommandText = "SELECT position FROM checkpoints WHERE name = 'counter';";
        (await read.ExecuteScalarAsync()).Should().Be(2L);
    }

    [Fact]
    public async Task a_conflicting_append_in_a_group_commit_does_not_fail_the_others()
    {
        var contested = Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => store.AppendAsync("contested", ExpectedRevision.NoStream, [NewEvent()])));
        var independent = Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => store.AppendAsync($"own-{i}", ExpectedRevision.NoStream, [NewEvent()])));

        var contestedResults = await Task.WhenAll(contested);
        var independentResults = await Task.WhenAll(independent);

        contestedResults.OfType<AppendResult.Appended>().Should().ContainSingle();
        contestedResults.OfType<AppendResult.WrongExpectedRevision>().Should().HaveCount(19)
            .And.OnlyContain(w => w.ActualRevision == 0);
        independentResults.Should().AllBeOfType<AppendResult.Appended>();
        (await store.ReadHeadPositionAsync()).Should().Be(21);
    }

    [Fact]
    public async Task reopening_keeps_the_schema_version_and_does_not_migrate_twice()
    {
        await store.AppendAsync("s-1", ExpectedRevision.NoStream, [NewEvent()]);
        await store.DisposeAsync();

        store = await SqliteEventStore.OpenAsync(fixture.Options, TimeProvider.System);

        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) || ':' || MAX(version) FROM schema_version;";
        (await command.ExecuteScalarAsync()).Should().Be("2:2");
        (await store.ReadHeadPositionAsync()).Should().Be(1);
    }

    [Fact]
    public async Task the_database_runs_in_wal_mode_with_full_synchronous_commits()
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        (await command.ExecuteScalarAsync()).Should().Be("wal");
        command.CommandText = "PRAGMA synchronous;";
        (await command.ExecuteScalarAsync()).Should().Be(2L, "2 is FULL");
    }

    [Fact]
    public async Task appending_after_dispose_is_refused()
    {
        await store.DisposeAsync();

        var act = () => store.AppendAsync("s-1", ExpectedRevision.Any, [NewEvent()]);

        await act.Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task a_gap_written_behind_the_stores_back_is_reported_by_readers_and_verify()
    {
        await store.AppendAsync("s-1", ExpectedRevision.NoStream, [NewEvent(), NewEvent(), NewEvent()]);
        await using (var connection = await store.OpenConnectionAsync())
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM events WHERE position = 2;";
            await delete.ExecuteNonQueryAsync();
        }

        var read = async () =>
        {
            await foreach (var unused in store.ReadAllAsync())
            {
            }
        };

        (await read.Should().ThrowAsync<LogGapException>()).Which.ExpectedPosition.Should().Be(2);
        (await store.VerifyAsync()).FirstBadPosition.Should().Be(2);
    }

    // $all reads the next page on another thread while the consumer works through this one: a gap found there must
    // still come to the consumer, in order, after every page before it (the damaged page is refused whole).
    [Fact]
    public async Task a_gap_in_a_page_read_ahead_surfaces_after_every_page_before_it()
    {
        await store.DisposeAsync();
        store = await SqliteEventStore.OpenAsync(fixture.Options with { ReadPageSize = 2 }, TimeProvider.System);
        await store.AppendAsync("s-1", ExpectedRevision.NoStream, [NewEvent(), NewEvent(), NewEvent(), NewEvent(), NewEvent(), NewEvent()]);
        await using (var connection = await store.OpenConnectionAsync())
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM events WHERE position = 4;";
            await delete.ExecuteNonQueryAsync();
        }

        var positions = new List<long>();
        var read = async () =>
        {
            await foreach (var e in store.ReadAllAsync())
            {
                positions.Add(e.Position);
            }
        };

        (await read.Should().ThrowAsync<LogGapException>()).Which.ExpectedPosition.Should().Be(4);
        positions.Should().Equal(1, 2);
    }

    [Fact]
    public async Task reading_all_stops_at_the_next_page_once_cancelled_and_the_store_still_reads_and_closes()
    {
        await store.DisposeAsync();
        store = await SqliteEventStore.OpenAsync(fixture.Options with { ReadPageSize = 2 }, TimeProvider.System);
        await store.AppendAsync("s-1", ExpectedRevision.NoStream, [NewEvent(), NewEvent(), NewEvent(), NewEvent(), NewEvent(), NewEvent()]);
        using var cancel = new CancellationTokenSource();
        var positions = new List<long>();
        var read = async () =>
        {
            await foreach (var e in store.ReadAllAsync(ct: cancel.Token))
            {
                positions.Add(e.Position);
                await cancel.CancelAsync();
            }
        };

        await read.Should().ThrowAsync<OperationCanceledException>();
        positions.Should().Equal(1, 2);

        // Stopping early, with a page read ahead: nothing is left running against the store, which reads on and closes.
        await foreach (var unused in store.ReadAllAsync())
        {
            break;
        }

        (await store.ReadAllAsync().CountAsync()).Should().Be(6);
        await store.DisposeAsync();
        store = await SqliteEventStore.OpenAsync(fixture.Options, TimeProvider.System);
    }

    [Theory]
    [InlineData(1, int.MaxValue, 10)]
    [InlineData(2, 7, 7)]
    [InlineData(4, 6, 6)]
    [InlineData(9, int.MaxValue, 2)]
    public async Task reading_all_across_small_pages_returns_every_event_once_in_order(long from, int maxCount, int expected)
    {
        await store.DisposeAsync();
        store = await SqliteEventStore.OpenAsync(fixture.Options with { ReadPageSize = 3 }, TimeProvider.System);
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync($"s-{i}", ExpectedRevision.NoStream, [NewEvent(), NewEvent()]);
        }

        var positions = new List<long>();
        await foreach (var e in store.ReadAllAsync(from, maxCount))
        {
            positions.Add(e.Position);
        }

        var stream = new List<long>();
        await foreach (var e in store.ReadStreamAsync("s-2", ReadDirection.Backwards))
        {
            stream.Add(e.Revision);
        }

        positions.Should().Equal(Enumerable.Range((int)from, expected).Select(p => (long)p));
        stream.Should().Equal(1, 0);
    }

    // $all reads each column straight from SQLite's row buffer: every byte, a non-ASCII name and an empty blob (which
    // SQLite hands out as a null pointer) must come back exactly as appended, and chain to the hash the writer stored.
    [Fact]
    public async Task reading_all_returns_every_column_exactly_as_appended()
    {
        await store.DisposeAsync();
        store = await SqliteEventStore.OpenAsync(fixture.Options with { ReadPageSize = 2 }, TimeProvider.System);
        var actor = new EventMetadata("partner-sicc", "partner", "上海国际商会", CorrelationId: Guid.NewGuid());
        var appended = new List<(string Stream, EventToAppend Event)>
        {
            ("承诺-一", new(Guid.NewGuid(), "test.人才公寓.v1", Encoding.UTF8.GetBytes("{\"summary\":\"人才公寓已落实\"}"), actor)),
            ("s-empty", new(Guid.NewGuid(), "test.empty.v1", ReadOnlyMemory<byte>.Empty, EventMetadata.Empty)),
            ("承诺-一", new(Guid.NewGuid(), "test.something-happened.v1", Encoding.UTF8.GetBytes(new string('x', 70_000)), actor)),
        };
        foreach (var (stream, e) in appended)
        {
            await store.AppendAsync(stream, ExpectedRevision.Any, [e]);
        }

        var read = await store.ReadAllAsync().ToListAsync();

        read.Select(e => (e.Stream, e.EventId, e.Type, e.Revision)).Should().Equal(
            ("承诺-一", appended[0].Event.EventId, "test.人才公寓.v1", 0L),
            ("s-empty", appended[1].Event.EventId, "test.empty.v1", 0L),
            ("承诺-一", appended[2].Event.EventId, "test.something-happened.v1", 1L));
        for (var i = 0; i < read.Count; i++)
        {
            read[i].Data.ToArray().Should().Equal(appended[i].Event.Data.ToArray());
            read[i].MetadataJson.ToArray().Should().Equal(appended[i].Event.Metadata.ToUtf8Json());
            var previous = i == 0 ? EventHash.Genesis : read[i - 1].Hash;
            read[i].Hash.ToArray().Should().Equal(EventHash.Compute(previous.Span, read[i]));
        }

        (await store.ReadChainHeadAsync()).Hash.ToArray().Should().Equal(read[^1].Hash.ToArray());
    }

    [Fact]
    public async Task a_subscription_pages_through_a_long_backlog_then_goes_live()
    {
        await store.DisposeAsync();
        store = await SqliteEventStore.OpenAsync(fixture.Options with { ReadPageSize = 4 }, TimeProvider.System);
        await store.AppendAsync("s-1", ExpectedRevision.NoStream, Enumerable.Range(0, 10).Select(_ => NewEvent()).ToArray());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var positions = new List<long>();

        await foreach (var e in store.SubscribeToAllAsync(0, cts.Token))
        {
            positions.Add(e.Position);
            if (positions.Count == 10)
            {
                await store.AppendAsync("s-1", ExpectedRevision.Exactly(9), [NewEvent()]);
            }

            if (positions.Count == 11)
            {
                break;
            }
        }

        positions.Should().Equal(Enumerable.Range(1, 11).Select(p => (long)p));
    }

    [Fact]
    public async Task appends_beyond_the_pending_limit_wait_for_room_and_all_commit()
    {
        await store.DisposeAsync();
        store = await SqliteEventStore.OpenAsync(fixture.Options with { MaxPendingAppends = 2 }, TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(i => Task.Run(() => store.AppendAsync($"s-{i}", ExpectedRevision.NoStream, [NewEvent()]))));

        results.Should().AllBeOfType<AppendResult.Appended>();
        results.Cast<AppendResult.Appended>().Select(r => r.FirstPosition).Should().BeEquivalentTo(Enumerable.Range(1, 100).Select(p => (long)p));
    }

    [Fact]
    public async Task appends_racing_a_dispose_on_a_full_queue_are_each_committed_or_refused_and_none_is_left_waiting()
    {
        await store.DisposeAsync();
        store = await SqliteEventStore.OpenAsync(fixture.Options with { MaxPendingAppends = 4 }, TimeProvider.System);
        var appended = new System.Collections.Concurrent.ConcurrentBag<long>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writers = Enumerable.Range(0, 64).Select(w => Task.Run(async () =>
        {
            for (var i = 0; ; i++)
            {
                try
                {
                    var result = await store.AppendAsync($"w-{w}-{i}", ExpectedRevision.NoStream, [NewEvent()]);
                    appended.Add(result.Should().BeOfType<AppendResult.Appended>().Subject.FirstPosition);
                    if (appended.Count >= 200)
                    {
                        started.TrySetResult();
                    }
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        })).ToList();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await store.DisposeAsync();

        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30));
        store = await SqliteEventStore.OpenAsync(fixture.Options, TimeProvider.System);
        var stored = new List<long>();
        await foreach (var e in store.ReadAllAsync())
        {
            stored.Add(e.Position);
        }

        stored.Should().BeEquivalentTo(appended, "every acknowledged append is in the log, and only those");
    }

    [Fact]
    public async Task callers_that_append_again_as_soon_as_they_are_answered_share_commits()
    {
        await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var expected = i == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly(i - 1);
                (await store.AppendAsync($"writer-{w}", expected, [NewEvent()])).Should().BeOfType<AppendResult.Appended>();
            }
        })));

        store.Statistics.Appends.Should().Be(320);
        store.Statistics.AppendsPerCommit.Should().BeGreaterThan(2, "the writer waits for the callers it has just answered");
    }

    [Fact]
    public async Task a_group_commit_that_cannot_take_the_write_lock_fails_its_callers_and_the_next_one_continues_the_log()
    {
        await store.DisposeAsync();
        store = await SqliteEventStore.OpenAsync(fixture.Options with { BusyTimeout = TimeSpan.FromMilliseconds(500) }, TimeProvider.System);
        await store.AppendAsync("s-1", ExpectedRevision.NoStream, [NewEvent()]);

        await using (var blocker = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var hold = blocker.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();

            var blocked = () => store.AppendAsync("s-1", ExpectedRevision.Exactly(0), [NewEvent()]);

            (await blocked.Should().ThrowAsync<StoreUnavailableException>("a lock held elsewhere is a temporary fault the API answers 503")).WithInnerException<SqliteException>();
        }

        var appended = await store.AppendAsync("s-1", ExpectedRevision.Exactly(0), [NewEvent()]);

        appended.Should().BeOfType<AppendResult.Appended>().Which.FirstPosition.Should().Be(2);
        (await store.VerifyAsync()).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task every_connection_checkpoints_the_wal_at_the_configured_interval()
    {
        await store.DisposeAsync();
        store = await SqliteEventStore.OpenAsync(fixture.Options with { WalAutoCheckpointPages = 2_500 }, TimeProvider.System);

        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";

        (await command.ExecuteScalarAsync()).Should().Be(2_500L);
    }
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task the_background_checkpointer_copies_the_wal_into_the_database_without_a_writer_doing_it(bool background)
    {
        await store.DisposeAsync();
        // An automatic checkpoint the appends below never reach: only the background one can copy them back.
        store = await SqliteEventStore.OpenAsync(
            fixture.Options with { WalAutoCheckpointPages = 1_000_000, WalCheckpointInterval = background ? TimeSpan.FromMilliseconds(20) : TimeSpan.Zero },
            TimeProvider.System);
        for (var i = 0; i < 50; i++)
        {
            await store.AppendAsync($"s-{i}", ExpectedRevision.NoStream, [NewEvent(), NewEvent()]);
        }

        var after = store.WalCheckpoints;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10) && (background ? store.WalCheckpoints < after + 2 : waited.Elapsed < TimeSpan.FromMilliseconds(300)))
        {
            await Task.Delay(10);
        }

        // The database file alone, without its WAL: it holds what a checkpoint copied back.
        var copy = fixture.Options.Path + ".main-only";
        File.Copy(fixture.Options.Path, copy, overwrite: true);
        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM events;";
            (await command.ExecuteScalarAsync()).Should().Be(background ? 100L : 0L);
        }
        finally
        {
            File.Delete(copy);
        }

        if (background)
        {
            store.WalCheckpoints.Should().BeGreaterThan(after);
        }
        else
        {
            store.WalCheckpoints.Should().Be(0);
        }
    }

    [Fact]
    public async Task a_checkpoint_held_back_by_a_reader_is_not_a_failure_and_completes_once_the_reader_is_done()
    {
        await store.DisposeAsync();
        store = await SqliteEventStore.OpenAsync(
            fixture.Options with { WalAutoCheckpointPages = 1_000_000, WalCheckpointInterval = TimeSpan.Zero }, TimeProvider.System);
        await store.AppendAsync("s-0", ExpectedRevision.NoStream, [NewEvent()]);

        // A reader's snapshot before the next appends: a passive checkpoint cannot copy the frames after it.
        await using var reader = new SqliteConnection($"Data Source={fixture.Options.Path};Pooling=False");
        await reader.OpenAsync();
        await using var snapshot = reader.BeginTransaction(deferred: true);
        await using (var read = reader.CreateCommand())
        {
            read.Transaction = snapshot;
            read.CommandText = "SELECT count(*) FROM events;";
            (await read.ExecuteScalarAsync()).Should().Be(1L);
        }

        for (var i = 1; i <= 20; i++)
        {
            await store.AppendAsync($"s-{i}", ExpectedRevision.NoStream, [NewEvent()]);
        }

        var logger = new WarningsLogger();
        using var checkpointer = new SqliteWalCheckpointer($"Data Source={fixture.Options.Path}", TimeSpan.FromMilliseconds(10), logger);
        await Task.Delay(200);
        checkpointer.Checkpoints.Should().Be(0, "the reader holds frames back");
        logger.Warnings.Should().BeEmpty("a partial checkpoint is SQLite's normal answer to a reader, not a failure");

        await snapshot.CommitAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (checkpointer.Checkpoints == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        checkpointer.Checkpoints.Should().BeGreaterThan(0);
        logger.Warnings.Should().BeEmpty();
    }

    private sealed class WarningsLogger : Microsoft.Extensions.Logging.ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Warnings { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning)
            {
                Warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
