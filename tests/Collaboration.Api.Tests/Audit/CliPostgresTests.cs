using Collaboration.Audit.Postgres;
using Collaboration.Audit.Sqlite;
using Collaboration.Cli;
using Collaboration.Cli.Migration;
using Collaboration.EventStore;
using Collaboration.EventStore.Postgres;
using Collaboration.EventStore.Sqlite;
using Collaboration.Testing.Postgres;
using Spectre.Console;

namespace Collaboration.Api.Tests.Audit;

/// <summary>
/// ADR 0021: <c>collab</c> on PostgreSQL — <c>migrate</c> from the demo's SQLite log keeps every hash, resumes after an
/// interruption and refuses a target that is not the source's prefix; every verb then works on the migrated database.
/// </summary>
public sealed class CliPostgresTests(DemoLogFixture demo) : IClassFixture<DemoLogFixture>
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        // Wide enough that a line with a 64-digit hash is not wrapped.
        console.Profile.Width = 400;
        var exit = await CollabCommands.Create(console).Parse(args).InvokeAsync();
        return (exit, output.ToString());
    }

    private static string Row(RecordedEvent e) =>
        $"{e.Position} {e.EventId} {e.Stream}@{e.Revision} {e.Type} {EventHash.ToUnixMicroseconds(e.Timestamp)} {Convert.ToHexString(e.Data.Span)} {Convert.ToHexString(e.MetadataJson.Span)} {Convert.ToHexString(e.Hash.Span)}";

    private async Task<List<string>> SourceRowsAsync()
    {
        await using var store = await SqliteEventStore.OpenAsync(new SqliteEventStoreOptions { Path = demo.DatabasePath }, TimeProvider.System);
        return await store.ReadAllAsync().Select(Row).ToListAsync();
    }

    private static async Task<List<string>> TargetRowsAsync(string connectionString)
    {
        await using var store = await PostgresEventStore.OpenAsync(new PostgresEventStoreOptions { ConnectionString = connectionString }, TimeProvider.System);
        return await store.ReadAllAsync().Select(Row).ToListAsync();
    }

    [PostgresFact]
    public async Task migrating_the_demo_log_keeps_every_event_byte_for_byte_and_every_verb_then_works_on_postgresql()
    {
        var (database, target) = await PostgresTestServer.CreateDatabaseAsync();
        var (copyDatabase, copy) = await PostgresTestServer.CreateDatabaseAsync();
        var keep = System.IO.Directory.CreateTempSubdirectory("collaboration-cli-postgres-").FullName;
        try
        {
            var source = await SourceRowsAsync();
            source.Should().HaveCountGreaterThan(100, "the demo log is a real history");

            var migrated = await RunAsync("migrate", "--from", demo.DatabasePath, "--to", target);
            migrated.Exit.Should().Be(0, migrated.Output);
            migrated.Output.Should().Contain("migrated").And.Contain("read models rebuilt and equal to the source's");
            (await TargetRowsAsync(target)).Should().Equal(source, "positions, ids, streams, revisions, types, timestamps, data, metadata and hashes are kept");

            var verified = await RunAsync("verify", "--db", target);
            verified.Exit.Should().Be(0, verified.Output);
            verified.Output.Should().Contain($"VALID positions 1..{source.Count}");
            var stats = await RunAsync("stats", "--db", target);
            stats.Exit.Should().Be(0, stats.Output);
            stats.Output.Should().Contain("memorandum.signed.v1").And.Contain(source[^1].Split(' ')[^1].ToLowerInvariant());

            var checkpoint = Path.Combine(keep, "checkpoint.json");
            (await RunAsync("checkpoint", "--db", target, "--out", checkpoint)).Exit.Should().Be(0);
            var against = await RunAsync("verify", "--db", target, "--checkpoint", checkpoint);
            against.Exit.Should().Be(0, against.Output);
            against.Output.Should().Contain("VALID");

            var export = Path.Combine(keep, "log.ndjson");
            (await RunAsync("export", "--db", target, "--out", export)).Exit.Should().Be(0);
            var imported = await RunAsync("import", export, "--store", copy);
            imported.Exit.Should().Be(0, imported.Output);
            imported.Output.Should().Contain("identical");
            (await TargetRowsAsync(copy)).Should().Equal(source);

            var overview = await RunAsync("replay", "--db", target, "--view", "overview");
            overview.Exit.Should().Be(0, overview.Output);
            var rebuilt = await RunAsync("rebuild", "--all", "--db", target);
            rebuilt.Exit.Should().Be(0, rebuilt.Output);
            var csv = Path.Combine(keep, "partners.csv");
            (await RunAsync("export", "--db", target, "--view", "partners", "--csv", "--out", csv)).Exit.Should().Be(0);
            (await File.ReadAllTextAsync(csv)).Should().Contain("Shanghai International Chamber of Commerce");

            var repair = await RunAsync("repair-stream-index", "--db", target);
            repair.Exit.Should().Be(1, "PostgreSQL has no stream index apart from the log to repair");
            repair.Output.Should().Contain("Nothing to repair");

            Guid person;
            using (var sourceKeys = new SqlitePersonalKeyStore(SqlitePersonalKeyStore.DefaultPathFor(demo.DatabasePath)))
            {
                var (keys, _) = sourceKeys.Export();
                keys.Should().NotBeEmpty("the demo seals personal data");
                person = keys[0].Person;
            }

            var erased = await RunAsync("erase-person", person.ToString(), "--db", target, "--reason", "PIPL request 17", "--by", "office-7");
            erased.Exit.Should().Be(0, erased.Output);
            using (var targetKeys = PostgresPersonalKeyStore.Open(target))
            {
                targetKeys.IsErased(Domain.Kernel.PersonId.From(person)).Should().BeTrue("the key in the PostgreSQL database is the one deleted");
            }

            (await RunAsync("verify", "--db", target)).Exit.Should().Be(0, "erasure leaves the chain valid");
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
            await PostgresTestServer.DropDatabaseAsync(copyDatabase);
            System.IO.Directory.Delete(keep, recursive: true);
        }
    }

    [PostgresFact]
    public async Task an_interrupted_migration_resumes_from_the_targets_head_and_ends_as_an_uninterrupted_one()
    {
        var (database, target) = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            var source = await SourceRowsAsync();
            using var interrupt = new CancellationTokenSource();
            var migration = new LogMigration(demo.DatabasePath, null, target)
            {
                Progress = (phase, done, total) =>
                {
                    if (phase == MigrationPhase.Copy && done >= total / 2)
                    {
                        interrupt.Cancel();
                    }
                },
            };

            await migration.Invoking(m => m.RunAsync(interrupt.Token)).Should().ThrowAsync<OperationCanceledException>();
            var partial = await TargetRowsAsync(target);
            partial.Should().NotBeEmpty().And.HaveCountLessThan(source.Count, "the copy stopped half-way");
            partial.Should().Equal(source.Take(partial.Count), "what was copied is the source's prefix");

            var resumed = await RunAsync("migrate", "--from", demo.DatabasePath, "--to", target);
            resumed.Exit.Should().Be(0, resumed.Output);
            resumed.Output.Should().Contain($"{source.Count - partial.Count:N0} events copied");
            (await TargetRowsAsync(target)).Should().Equal(source);
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }

    [PostgresFact]
    public async Task a_target_that_is_not_a_prefix_of_the_source_is_refused_and_left_as_it_was()
    {
        var (database, target) = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            await using (var other = await PostgresEventStore.OpenAsync(new PostgresEventStoreOptions { ConnectionString = target }, TimeProvider.System))
            {
                await other.AppendAsync("partner-" + Guid.NewGuid(), ExpectedRevision.NoStream,
                    [new EventToAppend(Guid.NewGuid(), "partner.registered.v1", "{}"u8.ToArray(), new EventMetadata("someone", "office"))]);
            }

            var before = await TargetRowsAsync(target);

            var refused = await RunAsync("migrate", "--from", demo.DatabasePath, "--to", target);

            refused.Exit.Should().Be(1, refused.Output);
            refused.Output.Should().Contain("REFUSED").And.Contain("not a prefix");
            (await TargetRowsAsync(target)).Should().Equal(before);
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }
}
