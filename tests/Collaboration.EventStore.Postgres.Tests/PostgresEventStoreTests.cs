using Collaboration.Testing.Postgres;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Collaboration.EventStore;
using Collaboration.EventStore.Postgres;
using Collaboration.EventStore.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Collaboration.EventStore.Postgres.Tests;

/// <summary>What only a shared database shows: several nodes, notifications between them, and damage done behind the store's back.</summary>
public sealed class PostgresEventStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly PostgresStoreFixture fixture = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2024, 3, 18, 1, 30, 15, TimeSpan.Zero));
    private readonly List<PostgresEventStore> stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        await fixture.DisposeAsync();
    }

    [PostgresFact]
    public async Task two_nodes_appending_concurrently_keep_positions_dense_and_lose_nothing()
    {
        var a = await OpenNodeAsync();
        var b = await OpenNodeAsync();
        const int writersPerNode = 24;
        const int appendsPerWriter = 8;
        const int contendersPerNode = 6;
        const int winsPerContender = 4;
        var acknowledged = new ConcurrentBag<(string Writer, int Sequence, AppendResult.Appended Result, Guid[] Ids)>();
        var shared = "memorandum-" + Guid.NewGuid().ToString("N");
        var sharedWins = new ConcurrentBag<(long Revision, Guid Id)>();

        async Task WriteOwnStreamAsync(PostgresEventStore store, string writer)
        {
            var stream = $"partner-{Guid.NewGuid():N}";
            for (var i = 0; i < appendsPerWriter; i++)
            {
                var events = NewEvents(1 + (i % 3));
                var expected = i == 0 ? ExpectedRevision.NoStream : ExpectedRevision.StreamExists;
                var result = (await store.AppendAsync(stream, expected, events)).Should().BeOfType<AppendResult.Appended>().Subject;
                acknowledged.Add((writer, i, result, events.Select(e => e.EventId).ToArray()));
            }
        }

        // Both nodes race for the same revisions of one stream: exactly one winner per revision, across processes.
        async Task ContendAsync(PostgresEventStore store)
        {
            for (var won = 0; won < winsPerContender;)
            {
                var current = await store.ReadStreamRevisionAsync(shared);
                var e = NewEvents(1)[0];
                var expected = current is { } r ? ExpectedRevision.Exactly(r) : ExpectedRevision.NoStream;
                switch (await store.AppendAsync(shared, expected, [e]))
                {
                    case AppendResult.Appended appended:
                        appended.FirstRevision.Should().Be((current ?? -1) + 1);
                        sharedWins.Add((appended.FirstRevision, e.EventId));
                        won++;
                        break;
                    case AppendResult.WrongExpectedRevision conflict:
                        conflict.ActualRevision.Should().NotBe(current);
                        break;
                }
            }
        }

        var work = new List<Task>();
        foreach (var (node, name) in new[] { (a, "a"), (b, "b") })
        {
            work.AddRange(Enumerable.Range(0, writersPerNode).Select(w => Task.Run(() => WriteOwnStreamAsync(node, $"{name}{w}"))));
            work.AddRange(Enumerable.Range(0, contendersPerNode).Select(_ => Task.Run(() => ContendAsync(node))));
        }

        await Task.WhenAll(work).WaitAsync(Patience);

        var all = await ReadAllAsync(a);
        var expectedCount = acknowledged.Sum(x => x.Ids.Length) + sharedWins.Count;
        all.Should().HaveCount(expectedCount, "every acknowledged event is in the log, and nothing else");
        all.Select(e => e.Position).Should().Equal(Enumerable.Range(1, expectedCount).Select(p => (long)p), "positions are dense across nodes");
        (await ReadAllAsync(b)).Select(e => e.EventId).Should().Equal(all.Select(e => e.EventId), "both nodes read the same log");
        var byPosition = all.ToDictionary(e => e.Position, e => e.EventId);
        foreach (var (_, _, result, ids) in acknowledged)
        {
            Enumerable.Range(0, ids.Length).Select(i => byPosition[result.FirstPosition + i]).Should().Equal(ids, "each acknowledgement names where its events are");
        }

        foreach (var writer in acknowledged.GroupBy(x => x.Writer))
        {
            writer.OrderBy(x => x.Sequence).Select(x => x.Result.FirstPosition).Should().BeInAscendingOrder(
                "an append acknowledged before another started is earlier in the log");
        }

        var sharedRead = await ReadStreamAsync(a, shared);
        sharedRead.Select(e => e.Revision).Should().Equal(Enumerable.Range(0, 2 * contendersPerNode * winsPerContender).Select(r => (long)r));
        sharedRead.Select(e => e.EventId).Should().Equal(sharedWins.OrderBy(w => w.Revision).Select(w => w.Id));
        (await a.VerifyAsync()).IsValid.Should().BeTrue("the chain links across both nodes' commits");
        a.Statistics.Commits.Should().BePositive();
        b.Statistics.Commits.Should().BePositive();
    }

    [PostgresFact]
    public async Task a_subscription_on_one_node_is_woken_by_a_commit_on_another_through_notify()
    {
        var writer = await OpenNodeAsync();
        // Polling would take five minutes: only the notification can wake this subscription in time.
        var reader = await OpenNodeAsync(new PostgresEventStoreOptions { ConnectionString = "", PollInterval = TimeSpan.FromMinutes(5) });
        using var cts = new CancellationTokenSource(Patience);
        var received = Channel();
        var subscription = Task.Run(async () =>
        {
            await foreach (var e in reader.SubscribeToAllAsync(0, cts.Token))
            {
                received.Writer.TryWrite((e, Stopwatch.GetTimestamp()));
            }
        });

        var stream = "talent-case-" + Guid.NewGuid().ToString("N");
        await writer.AppendAsync(stream, ExpectedRevision.NoStream, NewEvents(1));
        (await received.Reader.ReadAsync(cts.Token)).Event.Position.Should().Be(1);
        while (!reader.IsListening)
        {
            await Task.Delay(10, cts.Token);
        }

        // Now idle and listening; the next commit on the other node must reach it at once.
        await Task.Delay(200, cts.Token);
        var started = Stopwatch.GetTimestamp();
        await writer.AppendAsync(stream, ExpectedRevision.Exactly(0), NewEvents(1));
        var (second, at) = await received.Reader.ReadAsync(cts.Token);

        second.Position.Should().Be(2);
        Stopwatch.GetElapsedTime(started, at).Should().BeLessThan(TimeSpan.FromSeconds(1));
        reader.KnownPosition.Should().Be(2);
        await cts.CancelAsync();
        await subscription.Invoking(s => s.WaitAsync(Patience)).Should().ThrowAsync<OperationCanceledException>();
    }

    [PostgresFact]
    public async Task a_missing_position_is_reported_as_a_gap_by_readers_and_verify()
    {
        var store = await OpenNodeAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync("commitment-" + Guid.NewGuid().ToString("N"), ExpectedRevision.NoStream, NewEvents(1));
        }

        await fixture.ExecuteAsync("DELETE FROM events WHERE position = 3;");

        var read = () => ReadAllAsync(store);
        (await read.Should().ThrowAsync<LogGapException>()).Which.Should().Match<LogGapException>(e => e.ExpectedPosition == 3 && e.ActualPosition == 4);
        using var cts = new CancellationTokenSource(Patience);
        var subscribe = async () =>
        {
            await foreach (var unused in store.SubscribeToAllAsync(0, cts.Token))
            {
            }
        };
        await subscribe.Should().ThrowAsync<LogGapException>();
        var verified = await store.VerifyAsync();
        verified.IsValid.Should().BeFalse();
        verified.FirstBadPosition.Should().Be(3);
    }

    [PostgresFact]
    public async Task reading_all_over_pages_fetched_ahead_returns_exactly_the_asked_range_and_still_reports_a_gap()
    {
        var store = await OpenNodeAsync(fixture.Options with { ReadPageSize = 3 });
        var stream = "commitment-" + Guid.NewGuid().ToString("N");
        await store.AppendAsync(stream, ExpectedRevision.NoStream, NewEvents(10));

        async Task<long[]> PositionsAsync(long from, int maxCount, int? stopAfter = null)
        {
            var positions = new List<long>();
            await foreach (var e in store.ReadAllAsync(from, maxCount))
            {
                positions.Add(e.Position);
                if (positions.Count == stopAfter)
                {
                    break;
                }
            }

            return [.. positions];
        }

        (await PositionsAsync(1, int.MaxValue)).Should().Equal(Enumerable.Range(1, 10).Select(p => (long)p));
        (await PositionsAsync(2, 7)).Should().Equal(2, 3, 4, 5, 6, 7, 8);
        (await PositionsAsync(1, 6)).Should().Equal(1, 2, 3, 4, 5, 6);
        (await PositionsAsync(1, 0)).Should().BeEmpty();
        (await PositionsAsync(1, int.MaxValue, stopAfter: 4)).Should().Equal(1, 2, 3, 4);

        await fixture.ExecuteAsync("DELETE FROM events WHERE position = 8;");
        var read = () => PositionsAsync(1, int.MaxValue);
        (await read.Should().ThrowAsync<LogGapException>()).Which.ExpectedPosition.Should().Be(8);
    }

    [PostgresFact]
    public async Task opening_a_log_whose_head_does_not_match_its_rows_fails()
    {
        var store = await OpenNodeAsync();
        await store.AppendAsync("partner-" + Guid.NewGuid().ToString("N"), ExpectedRevision.NoStream, NewEvents(3));
        await fixture.ExecuteAsync("DELETE FROM events WHERE position = 3;");

        var open = () => PostgresEventStore.OpenAsync(fixture.Options, time);

        (await open.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*head (3)*last stored position (2)*");
    }

    [PostgresFact]
    public async Task a_group_whose_write_fails_is_rolled_back_whole_and_the_writer_carries_on()
    {
        var store = await OpenNodeAsync();
        var stream = "commitment-" + Guid.NewGuid().ToString("N");
        await store.AppendAsync(stream, ExpectedRevision.NoStream, NewEvents(2));
        // Something other than the store took position 3 without moving the counter: the next group's INSERT fails.
        await fixture.ExecuteAsync(
            "INSERT INTO events SELECT 3, gen_random_uuid(), 'rogue', 0, type, data, metadata, timestamp_us, hash FROM events WHERE position = 1;");

        var failing = () => store.AppendAsync(stream, ExpectedRevision.Exactly(1), NewEvents(1));

        (await failing.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.UniqueViolation);
        (await store.ReadHeadPositionAsync()).Should().Be(2, "nothing of the failed group is committed, the counter included");
        await fixture.ExecuteAsync("DELETE FROM events WHERE stream = 'rogue';");
        var next = (await store.AppendAsync(stream, ExpectedRevision.Exactly(1), NewEvents(1))).Should().BeOfType<AppendResult.Appended>().Subject;
        next.FirstPosition.Should().Be(3);
        (await store.VerifyAsync()).IsValid.Should().BeTrue();
    }

    [PostgresFact]
    public async Task the_schema_itself_refuses_a_second_row_with_an_existing_event_id()
    {
        var store = await OpenNodeAsync();
        await store.AppendAsync("observer-" + Guid.NewGuid().ToString("N"), ExpectedRevision.NoStream, NewEvents(1));

        var duplicate = () => fixture.ExecuteAsync(
            "INSERT INTO events SELECT 2, event_id, stream || '-copy', 0, type, data, metadata, timestamp_us, hash FROM events WHERE position = 1;");

        (await duplicate.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.UniqueViolation);
    }

    [PostgresFact]
    public async Task the_same_appends_give_the_same_hash_chain_as_the_sqlite_store()
    {
        var postgres = await OpenNodeAsync();
        var directory = Path.Combine(Path.GetTempPath(), "collaboration-store-tests", Guid.NewGuid().ToString("N"));
        await using (var sqlite = await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = Path.Combine(directory, "events.db") }, time))
        {
            var metadata = new EventMetadata("office.zhang", "office", "Hongkou District Government", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            for (var i = 0; i < 6; i++)
            {
                var stream = $"memorandum-{i % 2}";
                var events = new[]
                {
                    new EventToAppend(Guid.NewGuid(), "memorandum.party-added.v1", Encoding.UTF8.GetBytes($$"""{"n":{{i}},"name":"上海国际商会"}"""), metadata),
                    new EventToAppend(Guid.NewGuid(), "memorandum.noted.v1", Encoding.UTF8.GetBytes("{}"), EventMetadata.Empty),
                };
                await postgres.AppendAsync(stream, ExpectedRevision.Any, events);
                await sqlite.AppendAsync(stream, ExpectedRevision.Any, events);
                time.Advance(TimeSpan.FromSeconds(1.5));
            }

            var fromPostgres = await ReadAllAsync(postgres);
            var fromSqlite = await ReadAllAsync(sqlite);
            fromPostgres.Select(e => Convert.ToHexString(e.Hash.Span)).Should().Equal(fromSqlite.Select(e => Convert.ToHexString(e.Hash.Span)));
            (await postgres.ReadChainHeadAsync()).Hash.ToArray().Should().Equal((await sqlite.ReadChainHeadAsync()).Hash.ToArray());
        }

        Directory.Delete(directory, recursive: true);
    }

    [PostgresFact]
    public async Task a_node_writing_alone_commits_in_one_round_trip_and_what_it_assumed_is_checked_when_another_node_wrote()
    {
        var a = await OpenNodeAsync();
        var b = await OpenNodeAsync();
        var own = "partner-" + Guid.NewGuid().ToString("N");
        var shared = "memorandum-" + Guid.NewGuid().ToString("N");
        var retried = NewEvents(2);

        // a writes alone: after a commit under the lock it knows the head and its streams and stops taking the lock first.
        await a.AppendAsync(own, ExpectedRevision.NoStream, NewEvents(1));
        await a.AppendAsync(shared, ExpectedRevision.NoStream, retried);
        for (var i = 1; i <= 3; i++)
        {
            await a.AppendAsync(own, ExpectedRevision.Exactly(i - 1), NewEvents(1));
        }

        a.Statistics.CommitsInOneRoundTrip.Should().BePositive();

        // b writes: what a knows of the head and of the shared stream is now wrong.
        var other = "partner-" + Guid.NewGuid().ToString("N");
        await b.AppendAsync(shared, ExpectedRevision.Exactly(1), NewEvents(1));
        await b.AppendAsync(other, ExpectedRevision.NoStream, NewEvents(1));

        var stale = await a.AppendAsync(shared, ExpectedRevision.Exactly(1), NewEvents(1));
        stale.Should().BeOfType<AppendResult.WrongExpectedRevision>().Which.ActualRevision.Should().Be(2);

        // A retry of an append a made earlier, and a stream a has never seen that b created: both found under the lock.
        var replay = (await a.AppendAsync(shared, ExpectedRevision.NoStream, retried)).Should().BeOfType<AppendResult.Appended>().Subject;
        replay.WasIdempotentReplay.Should().BeTrue();
        replay.FirstPosition.Should().Be(2);
        (await a.AppendAsync(other, ExpectedRevision.NoStream, NewEvents(1))).Should().BeOfType<AppendResult.WrongExpectedRevision>();

        // The same checks on a node that writes alone again: b, which only it has written since.
        for (var i = 0; i < 3; i++)
        {
            await b.AppendAsync(other, ExpectedRevision.Exactly(i), NewEvents(1));
        }

        var aloneBefore = b.Statistics.CommitsInOneRoundTrip;
        aloneBefore.Should().BePositive();
        var bReplay = (await b.AppendAsync(shared, ExpectedRevision.NoStream, retried)).Should().BeOfType<AppendResult.Appended>().Subject;
        bReplay.WasIdempotentReplay.Should().BeTrue("the existing event ids refuse the one-round-trip insert and the group is decided under the lock");
        bReplay.FirstPosition.Should().Be(2);
        (await b.AppendAsync(own, ExpectedRevision.NoStream, NewEvents(1))).Should().BeOfType<AppendResult.WrongExpectedRevision>()
            .Which.ActualRevision.Should().Be(3, "a stream b assumed absent has a revision 0 already");

        var events = await ReadAllAsync(a);
        events.Select(e => e.Position).Should().Equal(Enumerable.Range(1, events.Count).Select(p => (long)p));
        events.Should().HaveCount(11);
        (await a.VerifyAsync()).IsValid.Should().BeTrue();
    }

    [PostgresFact]
    public async Task two_nodes_taking_turns_commit_in_one_round_trip_each_moved_behind_the_other_with_the_chain_recomputed_by_the_database()
    {
        var a = await OpenNodeAsync();
        var b = await OpenNodeAsync();
        // Non-ASCII stream names and metadata: the database's hash must encode them exactly as EventHash does.
        var streamA = "合作备忘录-" + Guid.NewGuid().ToString("N");
        var streamB = "partner-" + Guid.NewGuid().ToString("N");
        var metadata = new EventMetadata("office.zhang", "office", "虹口区人民政府", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        EventToAppend[] Events(int count) =>
            NewEvents(count).Select(e => new EventToAppend(e.EventId, "备忘录.签署.v1", e.Data, metadata)).ToArray();

        var results = new List<AppendResult.Appended>();
        for (var i = 0; i < 6; i++)
        {
            var expected = i == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly((2 * i) - 1);
            results.Add((await a.AppendAsync(streamA, expected, Events(2))).Should().BeOfType<AppendResult.Appended>().Subject);
            results.Add((await b.AppendAsync(streamB, i == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly(i - 1), Events(1)))
                .Should().BeOfType<AppendResult.Appended>().Subject);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        // After each node's first (locked) commit, every commit went through the function, landing behind the other's.
        a.Statistics.CommitsInOneRoundTrip.Should().Be(5);
        b.Statistics.CommitsInOneRoundTrip.Should().Be(5);
        a.Statistics.CommitsMoved.Should().Be(5, "b committed between every two commits of a");
        b.Statistics.CommitsMoved.Should().Be(5);

        var events = await ReadAllAsync(a);
        events.Select(e => e.Position).Should().Equal(Enumerable.Range(1, 18).Select(p => (long)p));
        foreach (var result in results)
        {
            events.Where(e => e.Position >= result.FirstPosition && e.Position <= result.LastPosition)
                .Should().OnlyContain(e => e.Stream == result.Stream, "each acknowledgement names where its events landed");
        }

        (await a.VerifyAsync()).IsValid.Should().BeTrue("the hashes the database recomputed follow the chain's encoding");
        (await a.ReadChainHeadAsync()).Hash.ToArray().Should().Equal(events[^1].Hash.ToArray());

        // A stream the other node wrote in between is refused by the function and decided under the lock.
        var stale = await a.AppendAsync(streamB, ExpectedRevision.Exactly(4), Events(1));
        stale.Should().BeOfType<AppendResult.WrongExpectedRevision>().Which.ActualRevision.Should().Be(5);
        (await a.AppendAsync(streamB, ExpectedRevision.Exactly(5), Events(1))).Should().BeOfType<AppendResult.Appended>().Which.FirstPosition.Should().Be(19);
        (await b.AppendAsync(streamB, ExpectedRevision.Exactly(5), Events(1))).Should().BeOfType<AppendResult.WrongExpectedRevision>()
            .Which.ActualRevision.Should().Be(6, "b knew revision 5 of its own stream, but a has written it since");
        b.Statistics.CommitsInOneRoundTrip.Should().Be(5, "the function refused b's group, which was then decided under the lock");
        (await a.VerifyAsync()).IsValid.Should().BeTrue();
    }

    [PostgresFact]
    public async Task no_reader_returns_rows_committed_beyond_the_durable_mark_until_a_later_group_marks_them()
    {
        var store = await OpenNodeAsync();
        var stream = "commitment-" + Guid.NewGuid().ToString("N");
        await store.AppendAsync(stream, ExpectedRevision.NoStream, NewEvents(2));
        var durable = await ReadAllAsync(store);

        // What another node's group looks like between its asynchronous commit and its mark: rows and counter
        // committed, the mark not moved. A crash of the database could still take them back (their hashes are
        // copies, so a verify that read them would fail).
        var unmarked = "partner-" + Guid.NewGuid().ToString("N");
        await fixture.ExecuteAsync($"""
            BEGIN;
            INSERT INTO events SELECT 3, gen_random_uuid(), stream, 2, type, data, metadata, timestamp_us, hash FROM events WHERE position = 1;
            INSERT INTO events SELECT 4, gen_random_uuid(), '{unmarked}', 0, type, data, metadata, timestamp_us, hash FROM events WHERE position = 1;
            UPDATE event_log_head SET position = 4, hash = (SELECT hash FROM events WHERE position = 4);
            COMMIT;
            """);

        (await ReadAllAsync(store)).Select(e => e.Position).Should().Equal(1, 2);
        (await ReadStreamAsync(store, stream)).Select(e => e.Revision).Should().Equal(0, 1);
        (await store.ReadStreamRevisionAsync(stream)).Should().Be(1);
        (await store.ReadStreamRevisionAsync(unmarked)).Should().BeNull();
        await foreach (var start in store.ReadStreamStartsAsync("partner-"))
        {
            start.Stream.Should().NotBe(unmarked);
        }

        (await store.ReadHeadPositionAsync()).Should().Be(2);
        (await store.ReadChainHeadAsync()).Hash.ToArray().Should().Equal(durable[^1].Hash.ToArray());
        var verified = await store.VerifyAsync();
        verified.IsValid.Should().BeTrue();
        verified.CheckedTo.Should().Be(2);
        using (var idle = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            var seen = new List<long>();
            var subscribe = async () =>
            {
                await foreach (var e in store.SubscribeToAllAsync(0, idle.Token))
                {
                    seen.Add(e.Position);
                }
            };
            await subscribe.Should().ThrowAsync<OperationCanceledException>();
            seen.Should().Equal(1, 2);
        }

        // A group committed after them is marked with the head it sees: its flush covers their commit records too.
        var next = (await store.AppendAsync("observer-" + Guid.NewGuid().ToString("N"), ExpectedRevision.NoStream, NewEvents(1)))
            .Should().BeOfType<AppendResult.Appended>().Subject;
        next.FirstPosition.Should().Be(5);
        (await ReadAllAsync(store)).Select(e => e.Position).Should().Equal(1, 2, 3, 4, 5);
        (await store.ReadStreamRevisionAsync(unmarked)).Should().Be(0);
        (await store.ReadHeadPositionAsync()).Should().Be(5);
    }

    private async Task<PostgresEventStore> OpenNodeAsync(PostgresEventStoreOptions? options = null)
    {
        PostgresTestServer.Require();
        var store = await fixture.OpenAsync(time, options ?? fixture.Options);
        stores.Add(store);
        return store;
    }

    private static System.Threading.Channels.Channel<(RecordedEvent Event, long At)> Channel() =>
        System.Threading.Channels.Channel.CreateUnbounded<(RecordedEvent Event, long At)>();

    private static EventToAppend[] NewEvents(int count) =>
        Enumerable.Range(0, count)
            .Select(_ => new EventToAppend(Guid.CreateVersion7(), "test.something-happened.v1", Encoding.UTF8.GetBytes($$"""{"n":"{{Guid.NewGuid():N}}"}"""), EventMetadata.Empty))
            .ToArray();

    private static async Task<List<RecordedEvent>> ReadAllAsync(IEventStore store)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in store.ReadAllAsync())
        {
            events.Add(e);
        }

        return events;
    }

    private static async Task<List<RecordedEvent>> ReadStreamAsync(IEventStore store, string stream)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in store.ReadStreamAsync(stream))
        {
            events.Add(e);
        }

        return events;
    }
}
