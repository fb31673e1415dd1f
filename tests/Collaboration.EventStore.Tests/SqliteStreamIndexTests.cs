using System.Text;
using Collaboration.EventStore.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collaboration.EventStore.Tests;

/// <summary>
/// Streams are found through <c>stream_index</c> plus the append-only <c>stream_tail</c> the writer folds into it
/// (ADR 0010): reads, conflicts and migration must not be able to tell where an entry currently lives.
/// </summary>
public sealed class SqliteStreamIndexTests : IAsyncLifetime
{
    private readonly SqliteStoreFixture fixture = new();
    private readonly List<SqliteEventStore> stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        await fixture.DisposeAsync();
    }

    private async Task<SqliteEventStore> OpenAsync(int foldRows, int readPageSize = 4_096)
    {
        var store = await SqliteEventStore.OpenAsync(
            fixture.Options with { StreamTailFoldRows = foldRows, ReadPageSize = readPageSize },
            TimeProvider.System);
        stores.Add(store);
        return store;
    }

    private static EventToAppend NewEvent(string label) =>
        new(Guid.CreateVersion7(), "test.something-happened.v1", Encoding.UTF8.GetBytes($$"""{"label":"{{label}}"}"""), EventMetadata.Empty);

    private static string Row(RecordedEvent e) =>
        $"{e.Position} {e.EventId} {e.Stream} {e.Revision} {e.Type} {e.Timestamp:O} {Convert.ToHexString(e.Data.Span)} {Convert.ToHexString(e.MetadataJson.Span)} {Convert.ToHexString(e.Hash.Span)}";

    private static string Label(RecordedEvent e) => Encoding.UTF8.GetString(e.Data.Span);

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<List<string>> LabelsAsync(IAsyncEnumerable<RecordedEvent> events) =>
        (await events.ToListAsync()).Select(Label).ToList();

    /// <summary>Appends a-0..a-(n-1) to stream "memorandum-a" and b-.. to "memorandum-b", interleaved, some two at a time.</summary>
    private static async Task AppendInterleavedAsync(IEventStore store, int perStream)
    {
        for (var r = 0; r < perStream; r += 2)
        {
            foreach (var name in new[] { "a", "b" })
            {
                var expected = r == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly(r - 1);
                var events = r + 1 < perStream ? new[] { NewEvent($"{name}-{r}"), NewEvent($"{name}-{r + 1}") } : [NewEvent($"{name}-{r}")];
                (await store.AppendAsync($"memorandum-{name}", expected, events)).Should().BeOfType<AppendResult.Appended>();
            }
        }
    }

    [Theory]
    [InlineData(4_096)]
    [InlineData(3)]
    public async Task stream_reads_are_the_same_whether_entries_are_folded_or_still_in_the_tail(int readPageSize)
    {
        var store = await OpenAsync(foldRows: 7, readPageSize);
        await AppendInterleavedAsync(store, perStream: 11);

        // Both sides hold entries of stream a, so every read below crosses from the index into the tail.
        Count("SELECT COUNT(*) FROM stream_index WHERE stream = 'memorandum-a';").Should().BeGreaterThan(0);
        Count("SELECT COUNT(*) FROM stream_tail WHERE stream = 'memorandum-a';").Should().BeGreaterThan(0);

        var all = Enumerable.Range(0, 11).Select(i => $$"""{"label":"a-{{i}}"}""").ToList();
        (await LabelsAsync(store.ReadStreamAsync("memorandum-a"))).Should().Equal(all);
        (await LabelsAsync(store.ReadStreamAsync("memorandum-a", fromRevision: 4))).Should().Equal(all.Skip(4));
        (await LabelsAsync(store.ReadStreamAsync("memorandum-a", fromRevision: 4, maxCount: 5))).Should().Equal(all.Skip(4).Take(5));
        (await LabelsAsync(store.ReadStreamAsync("memorandum-a", ReadDirection.Backwards))).Should().Equal(all.AsEnumerable().Reverse());
        (await LabelsAsync(store.ReadStreamAsync("memorandum-a", ReadDirection.Backwards, fromRevision: 9, maxCount: 6)))
            .Should().Equal(all.Take(10).Reverse().Take(6));
        (await LabelsAsync(store.ReadStreamAsync("memorandum-a", fromRevision: 11))).Should().BeEmpty();
        (await store.ReadStreamRevisionAsync("memorandum-a")).Should().Be(10);
        (await store.ReadStreamRevisionAsync("memorandum-c")).Should().BeNull();
        (await store.ReadStreamStartsAsync("memorandum-").ToListAsync()).Select(e => (e.Stream, e.Revision))
            .Should().Equal(("memorandum-a", 0L), ("memorandum-b", 0L));
    }

    [Fact]
    public async Task the_tail_is_folded_into_the_index_once_it_holds_the_configured_number_of_entries()
    {
        var store = await OpenAsync(foldRows: 4);
        for (var i = 0; i < 9; i++)
        {
            await store.AppendAsync("case-1", ExpectedRevision.Any, [NewEvent($"{i}")]);
        }

        // Folded with the 4th and the 8th append; the 9th waits in the tail.
        Count("SELECT COUNT(*) FROM stream_index;").Should().Be(8);
        Count("SELECT COUNT(*) FROM stream_tail;").Should().Be(1);
    }

    [Fact]
    public async Task under_light_traffic_the_tail_is_folded_early_so_stream_reads_scan_little()
    {
        var store = await OpenAsync(foldRows: 4_096);
        for (var i = 0; i < 300; i++)
        {
            await store.AppendAsync($"case-{i % 3}", ExpectedRevision.Any, [NewEvent($"{i}")]);
        }

        // One caller at a time: folded at 256 entries rather than 4,096.
        Count("SELECT COUNT(*) FROM stream_index;").Should().Be(256);
        Count("SELECT COUNT(*) FROM stream_tail;").Should().Be(44);
        (await store.ReadStreamAsync("case-0").CountAsync()).Should().Be(100);
    }

    [Fact]
    public async Task a_second_store_on_the_same_file_sees_revisions_the_first_left_in_the_tail_and_conflicts_stay_exact()
    {
        // Two stores stand for two processes sharing the file (the tracker and `collab` beside it).
        var first = await OpenAsync(foldRows: 3);
        var second = await OpenAsync(foldRows: 3);

        (await first.AppendAsync("commitment-1", ExpectedRevision.NoStream, [NewEvent("0")])).Should().BeOfType<AppendResult.Appended>();
        (await second.AppendAsync("commitment-1", ExpectedRevision.NoStream, [NewEvent("x")]))
            .Should().BeOfType<AppendResult.WrongExpectedRevision>().Which.ActualRevision.Should().Be(0);
        (await second.AppendAsync("commitment-1", ExpectedRevision.Exactly(0), [NewEvent("1"), NewEvent("2")])).Should().BeOfType<AppendResult.Appended>();

        // The first store last wrote revision 0; the second moved the stream on and folded the tail meanwhile.
        (await first.AppendAsync("commitment-1", ExpectedRevision.Exactly(0), [NewEvent("y")]))
            .Should().BeOfType<AppendResult.WrongExpectedRevision>().Which.ActualRevision.Should().Be(2);
        (await first.AppendAsync("commitment-1", ExpectedRevision.Exactly(2), [NewEvent("3")])).Should().BeOfType<AppendResult.Appended>();

        (await LabelsAsync(second.ReadStreamAsync("commitment-1"))).Should().Equal(
            """{"label":"0"}""", """{"label":"1"}""", """{"label":"2"}""", """{"label":"3"}""");
        (await second.VerifyAsync()).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task an_append_undone_halfway_by_a_reused_event_id_leaves_no_stream_entries_behind_across_folds()
    {
        var store = await OpenAsync(foldRows: 4);
        var taken = NewEvent("taken");
        await store.AppendAsync("partner-1", ExpectedRevision.NoStream, [taken]);

        // The third event's id exists: the first two were inserted (events and tail) and must be undone.
        var act = () => store.AppendAsync("case-1", ExpectedRevision.Any, [NewEvent("x"), NewEvent("y"), taken]);
        await act.Should().ThrowAsync<IdempotencyViolationException>();
        Count("SELECT COUNT(*) FROM stream_tail;").Should().Be(1);

        // Reuse the undone positions with other revisions and fold twice: a leftover entry would break the fold or a read.
        for (var i = 0; i < 7; i++)
        {
            await store.AppendAsync("case-1", ExpectedRevision.Any, [NewEvent($"{i}")]);
        }

        Count("SELECT COUNT(*) FROM stream_index;").Should().Be(8);
        (await store.ReadStreamAsync("case-1").CountAsync()).Should().Be(7);
        (await store.ReadStreamRevisionAsync("case-1")).Should().Be(6);
    }

    [Fact]
    public async Task a_stream_entry_pointing_at_another_event_is_reported_rather_than_returned()
    {
        var store = await OpenAsync(foldRows: 2);
        await AppendInterleavedAsync(store, perStream: 4);

        // The stream index is derived data outside the hash chain: point a's revision 1 at one of b's events.
        Execute("""
            UPDATE stream_index SET position = (SELECT position FROM stream_index WHERE stream = 'memorandum-b' AND revision = 1)
            WHERE stream = 'memorandum-a' AND revision = 1;
            """);

        var read = async () => await store.ReadStreamAsync("memorandum-a").ToListAsync();
        (await read.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*stream index of 'memorandum-a'*revision 1*");
    }

    [Fact]
    public async Task the_check_finds_a_missing_a_misdirected_and_a_doubled_entry_and_the_rebuild_repairs_each()
    {
        var store = await OpenAsync(foldRows: 6);
        await AppendInterleavedAsync(store, perStream: 5);
        (await store.CheckStreamIndexAsync()).Should().Be(new StreamIndexCheck(10, 10, null, null));

        var damages = new (string Sql, long? Position, string Reason)[]
        {
            ("DELETE FROM stream_index WHERE stream = 'memorandum-b' AND revision = 1;", 4, "*position 4 has no matching stream entry*"),
            ("UPDATE stream_index SET position = 1000 WHERE position = 9;", 9, "*position 9 has no matching stream entry*"),
            ("INSERT INTO stream_tail SELECT position, stream, revision FROM stream_index WHERE position = 2;", null, "*11 stream entries for 10 events*"),
        };
        foreach (var (sql, position, reason) in damages)
        {
            Execute(sql);
            var found = await store.CheckStreamIndexAsync();
            found.IsConsistent.Should().BeFalse(sql);
            found.FirstBadPosition.Should().Be(position, sql);
            found.Reason.Should().Match(reason);

            (await store.RebuildStreamIndexAsync()).Should().Be(10);
            (await store.CheckStreamIndexAsync()).IsConsistent.Should().BeTrue();
        }

        // After a rebuild the writer reloads the (now empty) tail: conflicts and reads go on exactly.
        (await store.AppendAsync("memorandum-a", ExpectedRevision.Exactly(3), [NewEvent("late")]))
            .Should().BeOfType<AppendResult.WrongExpectedRevision>().Which.ActualRevision.Should().Be(4);
        (await store.AppendAsync("memorandum-a", ExpectedRevision.Exactly(4), [NewEvent("a-5")])).Should().BeOfType<AppendResult.Appended>();
        (await LabelsAsync(store.ReadStreamAsync("memorandum-a", fromRevision: 4))).Should().Equal("""{"label":"a-4"}""", """{"label":"a-5"}""");
        (await store.CheckStreamIndexAsync()).Should().Be(new StreamIndexCheck(11, 11, null, null));
    }

    [Fact]
    public async Task a_misdirected_entry_and_an_entry_for_no_event_are_each_named_by_position()
    {
        var store = await OpenAsync(foldRows: 2);
        await AppendInterleavedAsync(store, perStream: 4);

        // a's revision 1 (position 2) pointed at b's revision 1 (position 4): a's event has lost its entry.
        Execute("UPDATE stream_index SET position = 4 WHERE stream = 'memorandum-a' AND revision = 1;");
        var found = await store.CheckStreamIndexAsync();
        found.FirstBadPosition.Should().Be(2);
        found.Reason.Should().Match("*position 2 has no matching stream entry*");

        // Every event indexed, plus an entry of a stream that has no event at position 3.
        await store.RebuildStreamIndexAsync();
        Execute("INSERT INTO stream_index VALUES ('memorandum-z', 0, 3);");
        found = await store.CheckStreamIndexAsync();
        found.FirstBadPosition.Should().Be(3);
        found.Reason.Should().Match("*names position 3*");
    }

    [Fact]
    public async Task a_log_holding_one_revision_twice_is_not_reindexed_and_nothing_changes()
    {
        var store = await OpenAsync(foldRows: 4_096);
        await AppendInterleavedAsync(store, perStream: 4);
        Execute("UPDATE events SET revision = 0 WHERE stream = 'memorandum-a' AND revision = 1;");

        var rebuild = () => store.RebuildStreamIndexAsync();

        (await rebuild.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*revision 0 of 'memorandum-a' twice*");
        Count("SELECT COUNT(*) FROM stream_tail;").Should().Be(8, "the rebuild is one transaction");
    }

    [Fact]
    public async Task a_version_1_log_is_migrated_with_every_event_hash_and_stream_kept()
    {
        var store = await OpenAsync(foldRows: 5);
        await AppendInterleavedAsync(store, perStream: 9);
        var before = await store.ReadAllAsync().ToListAsync();
        var head = await store.ReadChainHeadAsync();
        await store.DisposeAsync();
        stores.Remove(store);
        SqliteConnection.ClearAllPools();

        // Put the file back into the version 1 layout: one table, stream uniqueness inside it.
        Execute("""
            CREATE TABLE events_v1 (
                position INTEGER PRIMARY KEY, event_id BLOB NOT NULL UNIQUE, stream TEXT NOT NULL, revision INTEGER NOT NULL,
                type TEXT NOT NULL, data BLOB NOT NULL, metadata BLOB NOT NULL, timestamp INTEGER NOT NULL, hash BLOB NOT NULL,
                UNIQUE (stream, revision));
            INSERT INTO events_v1 SELECT * FROM events;
            DROP TABLE events; DROP TABLE stream_index; DROP TABLE stream_tail;
            ALTER TABLE events_v1 RENAME TO events;
            DELETE FROM schema_version WHERE version = 2;
            """);
        Count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events';").Should().Be(2);

        var migrated = await OpenAsync(foldRows: 5);

        Count("SELECT MAX(version) FROM schema_version;").Should().Be(2);
        Count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events';").Should().Be(1, "only the event id stays unique inside the log");
        Count("SELECT COUNT(*) FROM stream_index;").Should().Be(18);
        (await migrated.ReadAllAsync().ToListAsync()).Select(Row).Should().Equal(before.Select(Row));
        (await migrated.VerifyAsync()).IsValid.Should().BeTrue();
        (await migrated.ReadChainHeadAsync()).Hash.ToArray().Should().Equal(head.Hash.ToArray());
        (await LabelsAsync(migrated.ReadStreamAsync("memorandum-b", ReadDirection.Backwards, maxCount: 2)))
            .Should().Equal("""{"label":"b-8"}""", """{"label":"b-7"}""");
        (await migrated.AppendAsync("memorandum-a", ExpectedRevision.Exactly(7), [NewEvent("late")]))
            .Should().BeOfType<AppendResult.WrongExpectedRevision>().Which.ActualRevision.Should().Be(8);
        (await migrated.AppendAsync("memorandum-a", ExpectedRevision.Exactly(8), [NewEvent("a-9")])).Should().BeOfType<AppendResult.Appended>()
            .Which.FirstPosition.Should().Be(19);
    }
}
